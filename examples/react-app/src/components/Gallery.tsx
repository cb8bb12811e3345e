import { describeJob, type Image, type Video } from '@useapi-minimax/client';
import {
  useCreateImages,
  useCreateVideo,
  useDeleteImage,
  useDeleteVideo,
  useImage,
  useImagesInfinite,
  useVideo,
  useVideosInfinite,
} from '@useapi-minimax/react';
import { useEffect, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { pollIntervalMs } from '../config';
import { ErrorNote } from './ErrorNote';

const PAGE = 6;

/** Videos and images, newest first, loaded page by page as you scroll; create and delete update the lists. */
export function Gallery() {
  const [tab, setTab] = useState<'images' | 'videos'>('images');
  return (
    <section className="panel wide" aria-labelledby="gallery-title">
      <header className="row">
        <h2 id="gallery-title">Gallery</h2>
        <div role="tablist" className="tabs">
          {(['images', 'videos'] as const).map((t) => (
            <button key={t} role="tab" aria-selected={tab === t} onClick={() => setTab(t)} type="button">
              {t === 'images' ? 'Images' : 'Videos'}
            </button>
          ))}
        </div>
      </header>
      {tab === 'images' ? <ImageGallery /> : <VideoGallery />}
    </section>
  );
}

function ImageGallery() {
  const [prompt, setPrompt] = useState('A watercolor lighthouse in a storm');
  const [quantity, setQuantity] = useState(4);
  const create = useCreateImages();
  const list = useImagesInfinite({ limit: PAGE });
  const images = list.data?.pages.flatMap((page) => page.images ?? []) ?? [];

  function submit(event: FormEvent) {
    event.preventDefault();
    create.mutate({ prompt, quantity });
  }
  return (
    <>
      <form onSubmit={submit} className="form inline" aria-label="Create images">
        <input value={prompt} onChange={(e) => setPrompt(e.target.value)} aria-label="Image prompt" maxLength={2000} />
        <select value={quantity} onChange={(e) => setQuantity(Number(e.target.value))} aria-label="How many images">
          {[1, 2, 3, 4].map((n) => (
            <option key={n} value={n}>
              {n} image{n > 1 ? 's' : ''}
            </option>
          ))}
        </select>
        <button type="submit" disabled={create.isPending}>
          {create.isPending ? 'Sending…' : 'Create images'}
        </button>
      </form>
      <ErrorNote error={create.error} />
      <Grid
        count={images.length}
        loading={list.isPending}
        error={list.error}
        hasMore={list.hasNextPage}
        loadingMore={list.isFetchingNextPage}
        loadMore={() => void list.fetchNextPage()}
        empty="No images yet."
      >
        {images.map((image) => (image.imageId ? <ImageTile key={image.imageId} image={image} /> : null))}
      </Grid>
    </>
  );
}

function ImageTile({ image }: { image: Image }) {
  const final = describeJob('image', image).final;
  // A list item is a snapshot: follow the ones still generating (useImage polls until final).
  const { data: live } = useImage(final ? undefined : image.imageId, { pollIntervalMs });
  const current = live ?? image;
  const remove = useDeleteImage();
  return (
    <Tile
      id={current.imageId!}
      kind="image"
      state={describeJob('image', current).state}
      src={current.coverURL ?? current.videoURL}
      caption={current.desc}
      deleting={remove.isPending}
      onDelete={() => remove.mutate({ imageId: current.imageId! })}
      error={remove.error}
    />
  );
}

function VideoGallery() {
  const [prompt, setPrompt] = useState('A corgi surfing a wave at sunset, slow motion');
  const create = useCreateVideo();
  const list = useVideosInfinite({ limit: PAGE });
  const videos = list.data?.pages.flatMap((page) => page ?? []) ?? [];

  function submit(event: FormEvent) {
    event.preventDefault();
    create.mutate({ prompt });
  }
  return (
    <>
      <form onSubmit={submit} className="form inline" aria-label="Create a video">
        <input value={prompt} onChange={(e) => setPrompt(e.target.value)} aria-label="Video prompt" maxLength={2000} />
        <button type="submit" disabled={create.isPending}>
          {create.isPending ? 'Sending…' : 'Create video'}
        </button>
      </form>
      <ErrorNote error={create.error} />
      <Grid
        count={videos.length}
        loading={list.isPending}
        error={list.error}
        hasMore={list.hasNextPage}
        loadingMore={list.isFetchingNextPage}
        loadMore={() => void list.fetchNextPage()}
        empty="No videos yet."
      >
        {videos.map((video) => (video.videoId ? <VideoTile key={video.videoId} video={video} /> : null))}
      </Grid>
    </>
  );
}

function VideoTile({ video }: { video: Video }) {
  const final = describeJob('video', video).final;
  const { data: live } = useVideo(final ? undefined : video.videoId, { pollIntervalMs });
  const current = live ?? video;
  const state = describeJob('video', current);
  const remove = useDeleteVideo();
  return (
    <Tile
      id={current.videoId!}
      kind="video"
      state={state.state}
      percent={state.percent}
      src={state.state === 'succeeded' ? current.coverURL : undefined}
      caption={current.desc}
      deleting={remove.isPending}
      onDelete={() => remove.mutate({ videoId: current.videoId! })}
      error={remove.error}
    />
  );
}

function Tile(props: {
  id: string;
  kind: 'image' | 'video';
  state: string;
  percent?: number | undefined;
  src: string | undefined;
  caption: string | undefined;
  deleting: boolean;
  onDelete: () => void;
  error: unknown;
}) {
  const ready = props.state === 'succeeded' && props.src;
  return (
    <li className="tile" data-testid={`${props.kind}-tile`} data-id={props.id} data-state={props.state}>
      {ready ? <img src={props.src} alt={props.caption ?? props.kind} loading="lazy" /> : <div className="cover pending">{props.state}{props.percent !== undefined ? ` ${props.percent}%` : ''}</div>}
      <p className="caption">{props.caption}</p>
      <button type="button" className="danger" onClick={props.onDelete} disabled={props.deleting} aria-label={`Delete ${props.kind}`}>
        {props.deleting ? 'Deleting…' : 'Delete'}
      </button>
      <ErrorNote error={props.error} />
    </li>
  );
}

/** A grid with an infinite-scroll sentinel: when it scrolls into view, the next page loads. */
function Grid(props: {
  children: ReactNode;
  count: number;
  loading: boolean;
  error: unknown;
  hasMore: boolean;
  loadingMore: boolean;
  loadMore: () => void;
  empty: string;
}) {
  const sentinel = useRef<HTMLDivElement>(null);
  const { hasMore, loadingMore, loadMore } = props;
  useEffect(() => {
    const node = sentinel.current;
    if (!node || !hasMore || loadingMore) return;
    const observer = new IntersectionObserver((entries) => {
      if (entries.some((e) => e.isIntersecting)) loadMore();
    }, { rootMargin: '200px' });
    observer.observe(node);
    return () => observer.disconnect();
  }, [hasMore, loadingMore, loadMore]);
  if (props.loading) return <p className="muted">Loading…</p>;
  return (
    <>
      <ErrorNote error={props.error} />
      {props.count === 0 ? <p className="muted">{props.empty}</p> : null}
      <ul className="grid" data-testid="gallery-grid">
        {props.children}
      </ul>
      <div ref={sentinel} className="sentinel" data-testid="gallery-end">
        {props.loadingMore ? 'Loading more…' : hasMore ? '' : props.count ? 'That is everything.' : ''}
      </div>
    </>
  );
}
