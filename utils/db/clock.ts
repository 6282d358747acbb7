// When the database says a user's edit happened. Injected, so a test can move
// time on by hand instead of sleeping for a later timestamp.
export type Clock = () => Date;

export const systemClock: Clock = () => new Date();
