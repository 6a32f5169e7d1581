import { summarizeFrames } from './summarize-frames';

describe('summarizeFrames', () => {
  it('measures the gaps between frames, not the timestamps', () => {
    const steady = Array.from({ length: 101 }, (_, i) => 1000 + i * 16.7);
    expect(summarizeFrames(steady)).toMatchObject({ frames: 101, p50: 16.7, p95: 16.7, max: 16.7, over50: 0 });
  });

  it('counts a stutter and shows it in the tail', () => {
    const frames = [0, 16, 32, 48, 148, 164, 180, 196, 212, 228, 244, 260, 276, 292, 308, 324, 340, 356, 372, 388, 404];
    const summary = summarizeFrames(frames);
    expect(summary.over50).toBe(1);
    expect(summary.max).toBe(100);
    expect(summary.p50).toBe(16);
  });

  it('says nothing happened when no frame was painted', () => {
    expect(summarizeFrames([])).toEqual({ frames: 0, p50: 0, p95: 0, max: 0, over50: 0 });
  });
});
