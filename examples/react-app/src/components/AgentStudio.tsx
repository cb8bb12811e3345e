import type { AgentAttachment } from '@useapi-minimax/client';
import { useAgent } from '@useapi-minimax/react';
import { useEffect, useState, type FormEvent } from 'react';
import { jobStore, pollIntervalMs } from '../config';
import { FlowActions } from './FlowActions';

const MODELS = [
  { id: 'nano-banana-2', label: 'Images · Nano Banana 2' },
  { id: 'hailuo-2.3', label: 'Video · Hailuo 2.3' },
  { id: 'music-2.0', label: 'Music 2.0' },
  { id: 'speech-2.5', label: 'Speech 2.5' },
];

/** A prompt to MiniMax Agent, run asynchronously; the job panel follows it and shows what it made. */
export function AgentStudio() {
  const [prompt, setPrompt] = useState('Design a poster for a seaside jazz night, and a short teaser video of the stage');
  const [models, setModels] = useState<string[]>(['nano-banana-2', 'hailuo-2.3']);
  // `persist`: a reload while the job runs follows it again (nothing is created twice).
  const agent = useAgent({ pollIntervalMs, persist: jobStore });

  const run = () => agent.submit({ prompt, models });
  function submit(event: FormEvent) {
    event.preventDefault();
    run();
  }
  const toggle = (id: string) => setModels((list) => (list.includes(id) ? list.filter((m) => m !== id) : [...list, id]));
  const busy = agent.status === 'submitting' || agent.status === 'running';

  return (
    <section className="panel" aria-labelledby="agent-title">
      <h2 id="agent-title">Agent</h2>
      <form onSubmit={submit} className="form" aria-label="Run the agent">
        <label>
          What should the agent make?
          <textarea value={prompt} onChange={(e) => setPrompt(e.target.value)} rows={3} maxLength={10000} />
        </label>
        <fieldset className="chips">
          <legend>Models</legend>
          {MODELS.map((m) => (
            <label key={m.id} className={models.includes(m.id) ? 'chip selected' : 'chip'}>
              <input type="checkbox" checked={models.includes(m.id)} onChange={() => toggle(m.id)} />
              {m.label}
            </label>
          ))}
        </fieldset>
        {/* Disabled while the job is sent or followed, never after a failure. */}
        <button type="submit" disabled={busy || models.length === 0}>
          {busy ? 'Working…' : 'Run agent'}
        </button>
        {/* Try again, Recover, the rephrase hint and the errors; the job panel below shows the progress. */}
        <FlowActions flow={agent} noun="agent job" onRetry={run} progress={false} />
      </form>
      {agent.jobId || agent.status === 'submitting' ? <JobPanel agent={agent} /> : null}
    </section>
  );
}

function JobPanel({ agent }: { agent: ReturnType<typeof useAgent> }) {
  const job = agent.job;
  const attachments: AgentAttachment[] = job?.response?.attachments ?? [];
  const elapsed = useElapsed(agent.status === 'submitting' || agent.status === 'running');
  return (
    <article className="card job" data-testid="agent-job" data-status={agent.status}>
      <header>
        <h3>Agent job</h3>
        <span className={`pill ${agent.state?.state ?? 'queued'}`} data-testid="agent-status">
          {agent.status === 'submitting' ? 'Sending' : agent.status === 'running' ? 'Running' : agent.status === 'succeeded' ? 'Completed' : agent.status}
        </span>
      </header>
      {agent.jobId ? <p className="muted mono">{agent.jobId}</p> : null}
      {agent.isPolling ? (
        <p>
          <progress aria-label="Running" /> {elapsed} s
        </p>
      ) : null}
      {job?.response?.msg_content ? <p className="agent-message">{job.response.msg_content}</p> : null}
      {attachments.length ? (
        <ul className="attachments" aria-label="Attachments">
          {attachments.map((a) => (
            <Attachment key={a.attachmentID ?? a.file?.fileUrl} attachment={a} />
          ))}
        </ul>
      ) : null}
    </article>
  );
}

function Attachment({ attachment }: { attachment: AgentAttachment }) {
  const file = attachment.file;
  const mime = file?.type ?? '';
  const url = file?.fileUrl;
  let media = null;
  if (mime.startsWith('image/') && url) media = <img src={url} alt={file?.fileName ?? 'image'} />;
  else if (mime.startsWith('video/')) {
    const thumb = file?.extra?.thumbnail_url;
    media = thumb ? <img src={thumb} alt={`${file?.fileName ?? 'video'} (thumbnail)`} /> : <div className="cover pending" aria-hidden />;
  }
  else if (mime.startsWith('audio/') && url) media = <audio controls preload="none" src={url} />;
  return (
    <li className="attachment" data-testid="attachment" data-type={mime.split('/')[0] || 'file'}>
      {media}
      <a href={url} target="_blank" rel="noreferrer">
        {file?.fileName ?? attachment.text ?? attachment.attachmentID}
      </a>
    </li>
  );
}

/** Seconds since `active` turned on, ticking once a second. */
function useElapsed(active: boolean): number {
  const [seconds, setSeconds] = useState(0);
  useEffect(() => {
    if (!active) return;
    const started = Date.now();
    setSeconds(0);
    const timer = setInterval(() => setSeconds(Math.round((Date.now() - started) / 1000)), 1000);
    return () => clearInterval(timer);
  }, [active]);
  return seconds;
}
