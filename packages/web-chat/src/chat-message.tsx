import { type FileUIPart, getToolName, isToolUIPart, type UIMessage } from 'ai';
import type { ChatMessageMetadata } from './web-chat-types';

export type ChatMessage = UIMessage<ChatMessageMetadata>;
type Part = ChatMessage['parts'][number];

function json(value: unknown): string {
  if (value === undefined) return '';
  return typeof value === 'string' ? value : JSON.stringify(value, null, 2);
}

function FileView({ part }: { part: FileUIPart }) {
  if (part.mediaType.startsWith('image')) {
    return (
      <figure className="file file-image" data-testid="image">
        <img src={part.url} alt={part.filename ?? 'image'} />
        {part.filename && <figcaption>{part.filename}</figcaption>}
      </figure>
    );
  }
  return (
    <a
      className="file file-other"
      data-testid="file"
      data-media-type={part.mediaType}
      href={part.url}
      download={part.filename}
    >
      <span className="file-kind">
        {part.mediaType === 'application/pdf' ? 'PDF' : part.mediaType.split('/')[0]}
      </span>
      {part.filename ?? part.mediaType}
    </a>
  );
}

function ToolView({ part }: { part: Extract<Part, { toolCallId: string }> }) {
  const name = getToolName(part);
  const done = part.state === 'output-available';
  const failed = part.state === 'output-error';
  return (
    <div
      className={`tool ${failed ? 'tool-failed' : done ? 'tool-done' : 'tool-running'}`}
      data-testid="tool"
      data-tool={name}
      data-state={part.state}
    >
      <div className="tool-head">
        <span className="tool-icon">ƒ</span>
        <span className="tool-name">{name}</span>
        <span className="tool-state">
          {failed ? 'failed' : done ? 'done' : part.state.replace('-', ' ')}
        </span>
      </div>
      <div className="tool-body">
        <div>
          <div className="tool-label">Input</div>
          <pre data-testid="tool-input">{json(part.input)}</pre>
        </div>
        {done && (
          <div>
            <div className="tool-label">Result</div>
            <pre data-testid="tool-output">{json(part.output)}</pre>
          </div>
        )}
        {failed && (
          <div>
            <div className="tool-label">Error</div>
            <pre data-testid="tool-error">{part.errorText}</pre>
          </div>
        )}
      </div>
    </div>
  );
}

function PartView({ part, streaming }: { part: Part; streaming: boolean }) {
  if (isToolUIPart(part)) return <ToolView part={part} />;
  switch (part.type) {
    case 'text':
      return part.text ? (
        <div className="text" data-testid="text">
          {part.text}
          {streaming && part.state === 'streaming' && <span className="cursor" />}
        </div>
      ) : null;
    case 'reasoning':
      return (
        <details className="reasoning" data-testid="reasoning">
          <summary>
            Reasoning{part.state === 'streaming' ? '…' : ''}{' '}
            <span className="muted">({part.text.split(/\s+/).filter(Boolean).length} words)</span>
          </summary>
          <div className="reasoning-text">{part.text}</div>
        </details>
      );
    case 'file':
      return <FileView part={part} />;
    case 'source-url':
      return (
        <a className="source" data-testid="source" href={part.url} target="_blank" rel="noreferrer">
          ↗ {part.title ?? part.url}
        </a>
      );
    case 'source-document':
      return (
        <span className="source" data-testid="source">
          {part.title}
        </span>
      );
    default:
      return null;
  }
}

function UsageLine({ metadata, stopped }: { metadata?: ChatMessageMetadata; stopped: boolean }) {
  const usage = metadata?.usage;
  const items: string[] = [];
  if (usage) {
    if (usage.inputTokens !== undefined) items.push(`${usage.inputTokens} in`);
    if (usage.outputTokens !== undefined) items.push(`${usage.outputTokens} out`);
    if (usage.reasoningTokens) items.push(`${usage.reasoningTokens} reasoning`);
    if (usage.cachedInputTokens) items.push(`${usage.cachedInputTokens} cached`);
  }
  if (!usage && !stopped) return null;
  return (
    <div className="usage" data-testid="usage">
      {usage && <span>Tokens: {items.join(' · ')}</span>}
      {metadata?.steps !== undefined && metadata.steps > 1 && <span>{metadata.steps} steps</span>}
      {metadata?.finishReason && metadata.finishReason !== 'stop' && (
        <span>finish: {metadata.finishReason}</span>
      )}
      {stopped && (
        <span className="stopped" data-testid="stopped">
          ■ stopped
        </span>
      )}
    </div>
  );
}

export function MessageView({
  message,
  streaming,
  stopped,
}: {
  message: ChatMessage;
  streaming: boolean;
  stopped: boolean;
}) {
  const visible = message.parts.filter((p) => p.type !== 'step-start');
  if (message.role === 'user') {
    return (
      <div className="row row-user">
        <div className="bubble bubble-user" data-testid="user-message">
          {visible.map((part, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: parts are append-only, their position is their identity
            <PartView key={i} part={part} streaming={false} />
          ))}
        </div>
      </div>
    );
  }
  if (visible.length === 0 && !streaming && !stopped) return null;
  const warnings = message.metadata?.warnings ?? [];
  return (
    <div className="row row-assistant">
      <div className="avatar">AI</div>
      <div
        className="bubble bubble-assistant"
        data-testid="assistant-message"
        data-model={message.metadata?.model}
        data-streaming={streaming ? 'true' : 'false'}
      >
        {message.metadata?.model && <div className="model-tag">{message.metadata.model}</div>}
        {visible.map((part, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: parts are append-only, their position is their identity
          <PartView key={i} part={part} streaming={streaming} />
        ))}
        {streaming && visible.length === 0 && <div className="thinking-dots">•••</div>}
        {warnings.length > 0 && (
          <ul className="warnings" data-testid="warnings">
            {warnings.map((w) => (
              <li key={w}>⚠ {w}</li>
            ))}
          </ul>
        )}
        <UsageLine metadata={message.metadata} stopped={stopped} />
      </div>
    </div>
  );
}
