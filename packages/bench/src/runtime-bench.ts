/**
 * Scenarios 1 and 2, in this process: every task runs once per round, the order rotates
 * from round to round, warm-up rounds are discarded.
 */
import {
  deltaCount,
  type Expected,
  expectedOutput,
  type RequestScenario,
  type StreamScenario,
  scenarioKey,
  TEXT_MODEL,
} from './fixtures';
import { measure, rotate, type Sample, type Summary, summarize } from './harness';
import {
  buildRequestInputs,
  createRequestRunner,
  createStreamRunner,
  type RequestTask,
  requestTaskName,
  requestTasks,
  type Seen,
  type StreamTask,
  streamTaskName,
  streamTasks,
} from './impls';

export type TaskResult = {
  task: string;
  wall: Summary;
  cpu: Summary;
  samples: Sample[];
  /** Empty when the output matched the scenario; otherwise what was wrong. */
  problems: string[];
  extra?: Record<string, number | string>;
};

export type StreamResult = {
  scenario: string;
  deltas: number;
  bodyBytes?: number;
  tasks: TaskResult[];
};

function check(seen: Seen, expected: Expected, expectedFinish: string): string[] {
  const problems: string[] = [];
  for (const key of ['text', 'reasoning', 'toolCalls', 'toolArgs'] as const) {
    if (seen[key] !== expected[key])
      problems.push(`${key}: got ${seen[key]}, expected ${expected[key]}`);
  }
  if (seen.errors > 0) problems.push(`${seen.errors} error part(s)`);
  if (seen.finish !== expectedFinish)
    problems.push(`finish: got ${seen.finish}, expected ${expectedFinish}`);
  return problems;
}

export async function benchStream(
  scenario: StreamScenario,
  origin: string,
  rounds: { warmup: number; measured: number },
  log: (line: string) => void,
): Promise<StreamResult> {
  const key = scenarioKey(scenario);
  const baseURL = `${origin}/s/${key}/v1`;
  const tasks = streamTasks();
  const runners = new Map<StreamTask, () => Promise<Seen>>();
  for (const task of tasks) runners.set(task, createStreamRunner(task, scenario, baseURL));
  const expected = expectedOutput(scenario);
  const expectedFinish = scenario.kind === 'text' ? 'stop' : 'tool-calls';
  const samples = new Map<StreamTask, Sample[]>(tasks.map((t) => [t, []]));
  const problems = new Map<StreamTask, Set<string>>(tasks.map((t) => [t, new Set()]));

  const total = rounds.warmup + rounds.measured;
  for (let r = 0; r < total; r++) {
    const started = performance.now();
    for (const task of rotate(tasks, r)) {
      let result: { sample: Sample; value: Seen };
      try {
        result = await measure(runners.get(task)!);
      } catch (error) {
        problems.get(task)!.add(`threw: ${error instanceof Error ? error.message : String(error)}`);
        continue;
      }
      for (const p of check(result.value, expected, expectedFinish)) problems.get(task)!.add(p);
      if (r >= rounds.warmup) samples.get(task)!.push(result.sample);
    }
    log(
      `  ${key} round ${r + 1}/${total}${r < rounds.warmup ? ' (warm-up)' : ''}: ${(performance.now() - started).toFixed(0)} ms`,
    );
  }

  return {
    scenario: key,
    deltas: deltaCount(scenario),
    tasks: tasks.map((task) => {
      const s = samples.get(task)!;
      return {
        task: streamTaskName(task),
        wall: summarize(s.map((x) => x.wallMs)),
        cpu: summarize(s.map((x) => x.cpuMs)),
        samples: s,
        problems: [...problems.get(task)!],
      };
    }),
  };
}

export type RequestResult = { scenario: RequestScenario; tasks: TaskResult[] };

export async function benchRequest(
  scenario: RequestScenario,
  origin: string,
  rounds: { warmup: number; measured: number },
  log: (line: string) => void,
): Promise<RequestResult> {
  const baseURL = `${origin}/json/v1`;
  const inputs = buildRequestInputs(scenario);
  const tasks = requestTasks();
  const runners = new Map<RequestTask, ReturnType<typeof createRequestRunner>>();
  for (const task of tasks)
    runners.set(task, createRequestRunner(task, inputs, baseURL, TEXT_MODEL));
  const samples = new Map<RequestTask, Sample[]>(tasks.map((t) => [t, []]));
  const problems = new Map<RequestTask, Set<string>>(tasks.map((t) => [t, new Set()]));
  const requestBytes = new Map<RequestTask, number>();

  const total = rounds.warmup + rounds.measured;
  for (let r = 0; r < total; r++) {
    const started = performance.now();
    for (const task of rotate(tasks, r)) {
      try {
        const { sample, value } = await measure(runners.get(task)!);
        if (value.text !== 'Done.')
          problems.get(task)!.add(`text: got ${JSON.stringify(value.text)}`);
        requestBytes.set(task, value.requestBytes);
        if (r >= rounds.warmup) samples.get(task)!.push(sample);
      } catch (error) {
        problems.get(task)!.add(`threw: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
    log(
      `  request round ${r + 1}/${total}${r < rounds.warmup ? ' (warm-up)' : ''}: ${(performance.now() - started).toFixed(0)} ms`,
    );
  }

  return {
    scenario,
    tasks: tasks.map((task) => {
      const s = samples.get(task)!;
      return {
        task: requestTaskName(task),
        wall: summarize(s.map((x) => x.wallMs)),
        cpu: summarize(s.map((x) => x.cpuMs)),
        samples: s,
        problems: [...problems.get(task)!],
        extra: { requestBytes: requestBytes.get(task) ?? Number.NaN },
      };
    }),
  };
}
