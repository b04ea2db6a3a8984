import type { ModelCapabilities, ModelEntry, ModelGroup } from './web-chat-types';

/** Display names of the catalogue's families (the ids are the catalogue's). */
const FAMILY_NAMES: Record<string, string> = {
  openai: 'OpenAI',
  anthropic: 'Anthropic',
  google: 'Google',
  deepseek: 'DeepSeek',
  qwen: 'Qwen',
  moonshot: 'Moonshot (Kimi)',
  zhipu: 'Zhipu (GLM)',
  minimax: 'MiniMax',
  xai: 'xAI',
  doubao: 'Doubao',
  baidu: 'Baidu (ERNIE)',
  tencent: 'Tencent (Hunyuan)',
  iflytek: 'iFlytek (Spark)',
  ant: 'Ant (Ling/Ring)',
  stepfun: 'StepFun',
  sensenova: 'SenseNova',
  'openai-compatible': 'Other',
};

export const familyName = (family: string) => FAMILY_NAMES[family] ?? family;

const BADGES: { key: keyof ModelCapabilities; label: string }[] = [
  { key: 'images', label: 'images' },
  { key: 'pdf', label: 'PDF' },
  { key: 'audio', label: 'audio' },
  { key: 'reasoning', label: 'reasoning' },
  { key: 'tools', label: 'tools' },
  { key: 'imageOutput', label: 'image output' },
];

/** `gpt-4o — images, PDF, tools`: the picker itself tells what each model takes. */
function optionLabel(model: ModelEntry): string {
  const marks = BADGES.filter((b) => model.capabilities[b.key]).map((b) => b.label);
  return marks.length > 0 ? `${model.id} — ${marks.join(', ')}` : model.id;
}

export function CapabilityBadges({ model }: { model: ModelEntry | undefined }) {
  if (!model) return null;
  const on = BADGES.filter((b) => model.capabilities[b.key]);
  return (
    <ul className="badges" data-testid="capabilities" aria-label="What this model accepts">
      {on.map((b) => (
        <li key={b.key} className={`badge badge-${b.key}`} data-capability={b.key}>
          {b.label}
        </li>
      ))}
      {on.length === 0 && <li className="badge">text only</li>}
      {!model.listed && (
        <li
          className="badge badge-inferred"
          title="Not in the catalogue: facts guessed from the name"
        >
          inferred
        </li>
      )}
    </ul>
  );
}

export function ModelPicker({
  groups,
  value,
  onChange,
  disabled,
}: {
  groups: ModelGroup[];
  value: string;
  onChange: (id: string) => void;
  disabled?: boolean;
}) {
  return (
    <label className="picker">
      <span className="picker-label">Model</span>
      <select
        id="model"
        data-testid="model-picker"
        value={value}
        disabled={disabled}
        onChange={(event) => onChange(event.target.value)}
      >
        {groups.map((group) => (
          <optgroup key={group.family} label={familyName(group.family)}>
            {group.models.map((model) => (
              <option key={model.id} value={model.id}>
                {optionLabel(model)}
              </option>
            ))}
          </optgroup>
        ))}
      </select>
    </label>
  );
}

export function findModel(groups: ModelGroup[], id: string): ModelEntry | undefined {
  for (const group of groups) {
    const model = group.models.find((m) => m.id === id);
    if (model) return model;
  }
  return undefined;
}
