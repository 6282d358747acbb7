// The time filter: a committed month (Preact state, which filters the graph) and a player that
// replays history frame by frame. Frames bypass Preact: the slider, its label and the canvas
// are written directly, since a render per frame would be too slow on a big network.
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { addMonths, monthsBetween } from '../../utils/graph/build';
import { formatPartialDate, type Lang, t } from '../../utils/i18n';

export interface TimePlayerOptions {
  range: { start: string; end: string };
  lang: Lang;
  /** Draws one frame of replay at `month`. */
  onFrame: (month: string) => void;
}

export interface TimePlayer {
  /** The committed month; null is all time. */
  at: string | null;
  playing: boolean;
  /** Slider positions: one per month from the range's start to its end. */
  months: number;
  sliderRef: { current: HTMLInputElement | null };
  labelRef: { current: HTMLOutputElement | null };
  /** The month on screen, which runs ahead of `at` while playing. */
  shownMonth: () => string | null;
  isPlaying: () => boolean;
  /** Plays from the shown month (or the start), or pauses. */
  togglePlay: () => void;
  /** Stops playing and commits `month`. */
  jumpTo: (month: string | null) => void;
  /** The slider moving (a frame) and let go (committed). */
  onSlide: (e: Event) => void;
  onSlideDone: (e: Event) => void;
}

export function useTimePlayer(options: TimePlayerOptions): TimePlayer {
  const { range, lang } = options;
  const latest = useRef(options);
  latest.current = options;
  const months = Math.max(0, monthsBetween(range.start, range.end));

  const [at, setAt] = useState<string | null>(null);
  const [playing, setPlaying] = useState(false);
  const sliderRef = useRef<HTMLInputElement>(null);
  const labelRef = useRef<HTMLOutputElement>(null);
  const atRef = useRef<string | null>(at);
  // A chain of timeouts, each armed after a frame is painted, so a slow machine replays more
  // slowly instead of piling up steps.
  const playingRef = useRef(false);
  const timerRef = useRef<ReturnType<typeof setTimeout> | null>(null);

  useEffect(
    () => () => {
      playingRef.current = false;
      if (timerRef.current) clearTimeout(timerRef.current);
    },
    [],
  );

  const showTime = (month: string | null) => {
    const slider = sliderRef.current;
    const label = labelRef.current;
    const { range: r, lang: l } = latest.current;
    const text = month ? formatPartialDate(month, l) : t('graphTimeAll');
    if (slider) {
      const idx = month ? Math.max(0, monthsBetween(r.start, month)) : Number(slider.max);
      slider.value = String(idx);
      slider.setAttribute('aria-valuetext', text);
    }
    if (label) label.textContent = text;
  };
  useLayoutEffect(() => {
    atRef.current = at;
    showTime(at);
  }, [at, lang, range.start, months]);

  const stepTo = (month: string) => {
    atRef.current = month;
    showTime(month);
    latest.current.onFrame(month);
  };

  const stop = () => {
    playingRef.current = false;
    if (timerRef.current) clearTimeout(timerRef.current);
    timerRef.current = null;
    setPlaying(false);
    setAt(atRef.current);
  };

  const togglePlay = () => {
    if (playingRef.current) {
      stop();
      return;
    }
    const { start, end } = latest.current.range;
    const total = Math.max(0, monthsBetween(start, end));
    const current = atRef.current;
    let idx = current && current < end ? Math.max(0, monthsBetween(start, current)) : 0;
    // About 15 seconds for the whole history, but no faster than 20 months a second.
    const stepMs = Math.min(300, Math.max(50, Math.round(15000 / Math.max(1, total))));
    const next = () => {
      const frame =
        typeof requestAnimationFrame === 'function' ? requestAnimationFrame : setTimeout;
      frame(() => {
        if (!playingRef.current) return;
        timerRef.current = setTimeout(() => {
          if (!playingRef.current) return;
          idx++;
          if (idx > total) {
            stop();
            return;
          }
          stepTo(addMonths(start, idx));
          next();
        }, stepMs);
      });
    };
    playingRef.current = true;
    setPlaying(true);
    stepTo(addMonths(start, idx));
    next();
  };

  const jumpTo = (month: string | null) => {
    if (playingRef.current) stop();
    atRef.current = month;
    setAt(month);
  };

  const onSlide = (e: Event) => {
    const idx = Number((e.currentTarget as HTMLInputElement).value);
    stepTo(addMonths(range.start, idx));
  };
  const onSlideDone = (e: Event) => {
    const idx = Number((e.currentTarget as HTMLInputElement).value);
    const month = addMonths(range.start, idx);
    atRef.current = month;
    setAt(month);
  };

  return {
    at,
    playing,
    months,
    sliderRef,
    labelRef,
    shownMonth: () => atRef.current,
    isPlaying: () => playingRef.current,
    togglePlay,
    jumpTo,
    onSlide,
    onSlideDone,
  };
}
