import { useChat } from '@ai-sdk/react';
import { DefaultChatTransport, type FileUIPart } from 'ai';
import { useEffect, useMemo, useRef, useState } from 'react';
import { acceptedFileTypes, mediaTypeIsAccepted, readFileAsPart } from './chat-attachments';
import { parseChatError } from './chat-error';
import { type ChatMessage, MessageView } from './chat-message';
import { CapabilityBadges, findModel, ModelPicker } from './model-picker';
import {
  type ChatErrorPayload,
  type ChatRequestExtras,
  type ModelsResponse,
  SIMULATIONS,
  type Simulation,
} from './web-chat-types';

interface InlineError extends ChatErrorPayload {
  id: number;
  title: string;
  /** The message the error follows in the conversation (undefined: at the top). */
  afterMessageId?: string;
  model: string;
}

const SIMULATION_LABELS: Record<Simulation, string> = {
  none: 'no fault',
  quota: 'quota exhausted (403)',
  'rate-limit': 'rate limit (429)',
};

function useModels() {
  const [models, setModels] = useState<ModelsResponse>();
  const [failure, setFailure] = useState<string>();
  useEffect(() => {
    const controller = new AbortController();
    fetch('/api/models', { signal: controller.signal })
      .then(async (res) => {
        if (!res.ok) throw new Error(`GET /api/models: HTTP ${res.status}`);
        setModels((await res.json()) as ModelsResponse);
      })
      .catch((error: unknown) => {
        if (!controller.signal.aborted) setFailure(String(error));
      });
    return () => controller.abort();
  }, []);
  return { models, failure };
}

export function ChatApp() {
  const { models, failure } = useModels();
  const [model, setModel] = useState('');
  const [simulate, setSimulate] = useState<Simulation>('none');
  const [input, setInput] = useState('');
  const [files, setFiles] = useState<FileUIPart[]>([]);
  const [errors, setErrors] = useState<InlineError[]>([]);
  const [stopped, setStopped] = useState<Set<string>>(new Set());
  const fileInput = useRef<HTMLInputElement>(null);
  const bottom = useRef<HTMLDivElement>(null);
  // What onError needs to place the error: the conversation so far and this turn's model.
  const latest = useRef<{ messages: ChatMessage[]; model: string }>({ messages: [], model: '' });

  const transport = useMemo(() => new DefaultChatTransport<ChatMessage>({ api: '/api/chat' }), []);
  const { messages, sendMessage, status, stop, clearError } = useChat<ChatMessage>({
    transport,
    onError: (error) => {
      const parsed = parseChatError(error);
      setErrors((list) => [
        ...list,
        {
          ...parsed,
          id: list.length,
          afterMessageId: latest.current.messages.at(-1)?.id,
          model: latest.current.model,
        },
      ]);
    },
    onFinish: ({ message, isAbort }) => {
      if (isAbort) setStopped((set) => new Set(set).add(message.id));
    },
  });

  latest.current.messages = messages;

  useEffect(() => {
    if (models && !model) setModel(models.defaultModel);
  }, [models, model]);

  // Keep the newest content in view while it streams.
  const lastMessage = messages[messages.length - 1];
  const lastSize = lastMessage?.parts.reduce((n, p) => n + ('text' in p ? p.text.length : 1), 0);
  const scrollKey = `${messages.length}:${lastSize ?? 0}:${errors.length}:${status}`;
  useEffect(() => {
    if (scrollKey) bottom.current?.scrollIntoView({ block: 'end' });
  }, [scrollKey]);

  const selected = models ? findModel(models.groups, model) : undefined;
  const accept = acceptedFileTypes(selected?.capabilities);
  const busy = status === 'submitted' || status === 'streaming';
  const emulated = models?.target === 'emulator';

  // Files picked for a model that cannot take them are kept out of the request.
  const usableFiles = files.filter((f) => mediaTypeIsAccepted(f.mediaType, accept));

  async function pickFiles(list: FileList | null) {
    if (!list) return;
    const picked = [...list].filter((file) => mediaTypeIsAccepted(file.type, accept));
    const parts = await Promise.all(picked.map(readFileAsPart));
    // The data URL is the attachment's key: the same file twice is kept once.
    setFiles((current) => [
      ...current,
      ...parts.filter((part) => !current.some((c) => c.url === part.url)),
    ]);
    if (fileInput.current) fileInput.current.value = '';
  }

  function send() {
    const text = input.trim();
    if ((!text && usableFiles.length === 0) || !model || busy) return;
    clearError();
    latest.current.model = model;
    const body: ChatRequestExtras = { model, simulate: emulated ? simulate : undefined };
    void sendMessage({ text, files: usableFiles.length > 0 ? usableFiles : undefined }, { body });
    setInput('');
    setFiles([]);
  }

  return (
    <div className="app">
      <header className="header">
        <div className="brand">
          <span className="logo">◆</span> MixRouter chat
          <span className="sub">AI SDK UI · useChat · @mixrouter/ai-sdk-provider</span>
        </div>
        <div className="header-controls">
          {models && (
            <span
              className={`target target-${models.target}`}
              data-testid="target"
              title={models.baseURL}
            >
              {emulated ? '● local emulator' : `● ${new URL(models.baseURL).host}`}
            </span>
          )}
          {emulated && (
            <label className="simulate">
              <span>Simulate</span>
              <select
                data-testid="simulate"
                value={simulate}
                onChange={(event) => setSimulate(event.target.value as Simulation)}
              >
                {SIMULATIONS.map((s) => (
                  <option key={s} value={s}>
                    {SIMULATION_LABELS[s]}
                  </option>
                ))}
              </select>
            </label>
          )}
        </div>
      </header>

      <main className="conversation" data-testid="conversation">
        {failure && <div className="notice notice-error">Could not load models: {failure}</div>}
        {models?.notice && <div className="notice">{models.notice}</div>}
        {messages.length === 0 && (
          <div className="empty">
            <h2>Ask anything — switch models between turns</h2>
            <p>
              Try “What’s the weather in Paris, and calculate 12*7? Use both tools.”, a reasoning
              model, an image model (“Draw a lighthouse”), or attach an image to a vision model.
            </p>
          </div>
        )}
        {errors
          .filter((e) => e.afterMessageId === undefined)
          .map((e) => (
            <ErrorCard key={e.id} error={e} />
          ))}
        {messages.map((message, index) => (
          <div key={message.id}>
            <MessageView
              message={message}
              streaming={busy && index === messages.length - 1 && message.role === 'assistant'}
              stopped={stopped.has(message.id)}
            />
            {errors
              .filter((e) => e.afterMessageId === message.id)
              .map((e) => (
                <ErrorCard key={e.id} error={e} />
              ))}
          </div>
        ))}
        <div ref={bottom} />
      </main>

      <footer className="composer">
        <div className="composer-top">
          {models && (
            <ModelPicker groups={models.groups} value={model} onChange={setModel} disabled={busy} />
          )}
          <CapabilityBadges model={selected} />
        </div>
        {files.length > 0 && (
          <ul className="attachments" data-testid="attachments">
            {files.map((file, i) => (
              <li
                key={file.url}
                className={usableFiles.includes(file) ? '' : 'attachment-unusable'}
              >
                {file.mediaType.startsWith('image') ? (
                  <img className="attachment-thumb" src={file.url} alt={file.filename} />
                ) : (
                  <span className="attachment-pdf">PDF</span>
                )}
                <span className="attachment-name">{file.filename}</span>
                <button
                  type="button"
                  aria-label={`Remove ${file.filename}`}
                  onClick={() => setFiles((list) => list.filter((_, j) => j !== i))}
                >
                  ×
                </button>
              </li>
            ))}
          </ul>
        )}
        <form
          className="composer-row"
          onSubmit={(event) => {
            event.preventDefault();
            send();
          }}
        >
          <button
            type="button"
            className="attach"
            data-testid="attach"
            disabled={!accept}
            title={
              accept
                ? `Attach ${accept.replaceAll('application/pdf', 'PDF').replaceAll('/*', 's')}`
                : `${model || 'This model'} takes text only`
            }
            onClick={() => fileInput.current?.click()}
          >
            <svg viewBox="0 0 24 24" width="20" height="20" aria-hidden="true">
              <path
                d="M21 11.5 12.5 20a5 5 0 0 1-7-7L14 4.5a3.3 3.3 0 0 1 4.7 4.7l-8.5 8.5a1.7 1.7 0 0 1-2.4-2.4L15.5 7.6"
                fill="none"
                stroke="currentColor"
                strokeWidth="1.8"
                strokeLinecap="round"
              />
            </svg>
          </button>
          <input
            ref={fileInput}
            type="file"
            data-testid="file-input"
            multiple
            hidden
            accept={accept}
            onChange={(event) => void pickFiles(event.target.files)}
          />
          <textarea
            data-testid="prompt"
            value={input}
            placeholder={model ? `Message ${model}…` : 'Loading models…'}
            rows={1}
            onChange={(event) => setInput(event.target.value)}
            onKeyDown={(event) => {
              if (event.key === 'Enter' && !event.shiftKey) {
                event.preventDefault();
                send();
              }
            }}
          />
          {busy ? (
            <button type="button" className="stop" data-testid="stop" onClick={() => void stop()}>
              ■ Stop
            </button>
          ) : (
            <button type="submit" className="send" data-testid="send" disabled={!model}>
              Send ↵
            </button>
          )}
        </form>
      </footer>
    </div>
  );
}

function ErrorCard({ error }: { error: InlineError }) {
  return (
    <div className="row row-assistant">
      <div className="avatar avatar-error">!</div>
      <div className="bubble bubble-error" data-testid="chat-error" data-kind={error.kind}>
        <div className="error-title">
          {error.title}
          <span className="muted">
            {' '}
            · {error.model}
            {error.statusCode ? ` · HTTP ${error.statusCode}` : ''}
          </span>
        </div>
        <div className="error-message">{error.message}</div>
      </div>
    </div>
  );
}
