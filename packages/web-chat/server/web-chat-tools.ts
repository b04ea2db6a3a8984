/**
 * The two tools the chat offers. The calculator computes for real; the weather tool has
 * no network to ask, so it derives a stable demo report from the city name and says so
 * in its output (the model and the page show that it is demo data).
 */
import { tool } from 'ai';
import { z } from 'zod';
import { evaluateArithmetic } from './web-chat-calculator';

const CONDITIONS = ['sunny', 'partly cloudy', 'overcast', 'light rain', 'windy', 'foggy'] as const;

/** FNV-1a over the normalised name: the same city always gets the same report. */
function cityHash(city: string): number {
  let hash = 0x811c9dc5;
  for (const ch of city.trim().toLowerCase()) {
    hash ^= ch.codePointAt(0)!;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}

export function demoWeather(city: string, unit: 'celsius' | 'fahrenheit') {
  const hash = cityHash(city);
  const celsius = (hash % 35) - 5;
  return {
    city,
    temperature: unit === 'celsius' ? celsius : Math.round((celsius * 9) / 5 + 32),
    unit,
    condition: CONDITIONS[(hash >>> 8) % CONDITIONS.length],
    humidityPercent: 30 + ((hash >>> 16) % 60),
    source: 'demo data derived from the city name (this app has no weather service)',
  };
}

export const webChatTools = {
  weather: tool({
    description: 'Current weather for a city.',
    inputSchema: z.object({
      city: z.string().min(1).max(100).describe('City name, e.g. Paris'),
      unit: z.enum(['celsius', 'fahrenheit']).default('celsius'),
    }),
    execute: async ({ city, unit }) => demoWeather(city, unit),
  }),
  calculator: tool({
    description: 'Evaluates an arithmetic expression with + - * / % ^ and parentheses.',
    inputSchema: z.object({
      expression: z.string().min(1).max(200).describe('e.g. (12 + 3) * 7'),
    }),
    execute: async ({ expression }) => ({ expression, result: evaluateArithmetic(expression) }),
  }),
};
