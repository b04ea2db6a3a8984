/**
 * Minimal successful answers of the native routes, in the vendors' shapes (Anthropic
 * Messages, OpenAI Responses, Gemini generateContent), with `text` as the answer.
 */
export function nativeAnswers(text: string) {
  return {
    messages: {
      id: 'msg_1',
      type: 'message',
      role: 'assistant',
      model: 'claude-sonnet-4-5',
      content: [{ type: 'text', text }],
      stop_reason: 'end_turn',
      stop_sequence: null,
      usage: { input_tokens: 1, output_tokens: 1 },
    },
    responses: {
      id: 'resp_1',
      object: 'response',
      created_at: 1767268800,
      status: 'completed',
      error: null,
      model: 'gpt-5.1-codex',
      output: [
        {
          type: 'message',
          id: 'msg_1',
          role: 'assistant',
          status: 'completed',
          content: [{ type: 'output_text', text, annotations: [] }],
        },
      ],
      incomplete_details: null,
      usage: {
        input_tokens: 1,
        output_tokens: 1,
        input_tokens_details: { cached_tokens: 0 },
        output_tokens_details: { reasoning_tokens: 0 },
      },
    },
    gemini: {
      candidates: [{ content: { role: 'model', parts: [{ text }] }, finishReason: 'STOP' }],
      usageMetadata: { promptTokenCount: 1, candidatesTokenCount: 1, totalTokenCount: 2 },
    },
  };
}
