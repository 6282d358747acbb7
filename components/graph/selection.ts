/** What a click in the network opens: a company's or an alliance's details. */
export interface GraphSelection {
  type: 'company' | 'alliance';
  id: string;
}
