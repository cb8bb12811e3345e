import { describeJob, type JobLifecycle } from '@useapi-minimax/client';
import { pendingJobIds, useGenerateMusic, useMusic } from '@useapi-minimax/react';
import { useEffect, useState, type FormEvent } from 'react';
import { jobStore, pollIntervalMs } from '../config';
import { ErrorNote } from './ErrorNote';
import { FlowActions } from './FlowActions';

const STYLES = ['Synth-pop', 'Lo-fi hip hop', 'Jazz ballad', 'Indie folk', 'Cinematic orchestral', 'Drum & bass'];

const LABELS: Record<JobLifecycle, string> = {
  queued: 'Pending',
  running: 'Generating',
  succeeded: 'Playable',
  failed: 'Failed',
  moderated: 'Moderated',
  cancelled: 'Cancelled',
};

/** Lyrics and a style in, a song card out (it follows its song until it can be played). */
export function SongStudio() {
  const [title, setTitle] = useState('Open Road');
  const [style, setStyle] = useState(STYLES[0]!);
  const [mood, setMood] = useState('upbeat, driving, bright synths');
  const [lyrics, setLyrics] = useState("[verse]\nEngine hums before the sun\nMaps unfolding, one by one\n[chorus]\nOpen road, open sky\nWindows down, we're flying by");
  const [songs, setSongs] = useState<string[]>([]);
  // `persist`: the flow records the song it follows, so a reload mid-job resumes it (nothing is created again).
  const music = useGenerateMusic({ pollIntervalMs, persist: jobStore });
  const add = (ids: string[]) => setSongs((list) => [...ids.filter((id) => !list.includes(id)), ...list]);

  // Every job the flow follows gets a card: created, found by `recover()`, or resumed after a reload.
  useEffect(() => {
    if (music.jobId) add([music.jobId]);
  }, [music.jobId]);
  // The cards' own pending songs (recorded by `useMusic` with `persist`) come back after a reload too.
  useEffect(() => {
    if (!jobStore) return;
    let live = true;
    void pendingJobIds(jobStore, 'music').then((ids) => live && add(ids));
    return () => {
      live = false;
    };
  }, []);

  // Single-flight: a double-click sends one create (the second call returns the first's promise).
  const compose = () => music.submit({ title, lyrics, prompt: `${style}; ${mood}` });
  function submit(event: FormEvent) {
    event.preventDefault();
    compose();
  }

  return (
    <section className="panel" aria-labelledby="songs-title">
      <h2 id="songs-title">Songs</h2>
      <form onSubmit={submit} className="form" aria-label="Compose a song">
        <label>
          Title
          <input value={title} onChange={(e) => setTitle(e.target.value)} maxLength={40} />
        </label>
        <fieldset className="chips">
          <legend>Style</legend>
          {STYLES.map((s) => (
            <label key={s} className={s === style ? 'chip selected' : 'chip'}>
              <input type="radio" name="style" value={s} checked={s === style} onChange={() => setStyle(s)} />
              {s}
            </label>
          ))}
        </fieldset>
        <label>
          Mood and instruments
          <input value={mood} onChange={(e) => setMood(e.target.value)} maxLength={200} aria-invalid={music.status === 'moderated' || undefined} />
        </label>
        <label>
          Lyrics
          <textarea value={lyrics} onChange={(e) => setLyrics(e.target.value)} rows={6} maxLength={3500} />
        </label>
        {/* Disabled only while the create is in flight: after any failure it is usable again. */}
        <button type="submit" disabled={music.status === 'submitting'}>
          {music.status === 'submitting' ? 'Sending…' : 'Compose'}
        </button>
        <FlowActions flow={music} noun="song" onRetry={compose} />
      </form>
      <div className="cards" aria-live="polite">
        {songs.length === 0 ? <p className="muted">Your songs appear here, and update until they can be played.</p> : null}
        {songs.map((id) => (
          <SongCard key={id} musicId={id} />
        ))}
      </div>
    </section>
  );
}

/**
 * One song: `useMusic` polls it until it is final (every card on the same id shares one query, the flow's too);
 * with `persist`, it records the id while the song is pending, so the card comes back after a reload.
 */
export function SongCard({ musicId }: { musicId: string }) {
  const { data: song, error } = useMusic(musicId, { pollIntervalMs, persist: jobStore });
  const state = song ? describeJob('music', song).state : 'queued';
  return (
    <article className="card song" data-testid="song-card" data-state={state} data-id={musicId}>
      {song?.coverURL && state === 'succeeded' ? <img className="cover" src={song.coverURL} alt="" /> : <div className="cover pending" aria-hidden />}
      <div className="body">
        <header>
          <h3>{song?.title || 'Untitled'}</h3>
          <span className={`pill ${state}`} data-testid="song-status">
            {LABELS[state]}
          </span>
        </header>
        <p className="muted">{song?.style}</p>
        {state === 'succeeded' && song?.audioURL ? (
          <audio controls preload="metadata" src={song.audioURL} data-testid="song-audio">
            <a href={song.audioURL}>Download the song</a>
          </audio>
        ) : null}
        {state === 'queued' || state === 'running' ? <progress aria-label="Generating" /> : null}
        <ErrorNote error={error} />
      </div>
    </article>
  );
}
