// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import Anthropic from '@anthropic-ai/sdk';
import type { LoggerService } from '@backstage/backend-plugin-api';
import type {
  Plan,
  PlannerResult,
} from '@intent-sandboxes/backstage-plugin-intent-common';
import type {
  IntentPlanner,
  PlannerContext,
} from '@intent-sandboxes/backstage-plugin-intent-node';
import {
  DEFAULT_POLICY_SUMMARY,
  readAnswer,
  submitPlanTool,
  SUBMIT_PLAN_TOOL,
  systemPrompt,
  userPrompt,
} from './prompt';

/** @public */
export interface AnthropicPlannerOptions {
  apiKey: string;
  /** A Claude model id, e.g. `claude-sonnet-4-6`. */
  model: string;
  /** Another endpoint than the Anthropic API (a proxy, a gateway). */
  baseUrl?: string;
  /** Per request attempt. */
  timeoutMillis: number;
  /** Retries of timeouts, 408, 409, 429 and 5xx, with exponential backoff. */
  maxRetries: number;
  logger: LoggerService;
  /** Upper bound of the answer's tokens. */
  maxTokens?: number;
}

/**
 * The model could not produce a valid plan: it refused, did not call the
 * tool, or sent an invalid plan twice. Carries the validation problems.
 *
 * @public
 */
export class AnthropicPlannerError extends Error {
  readonly problems: string[];

  constructor(message: string, problems: string[] = [], cause?: unknown) {
    super(
      problems.length ? `${message}: ${problems.join('; ')}` : message,
      cause === undefined ? undefined : { cause },
    );
    this.name = 'AnthropicPlannerError';
    this.problems = problems;
  }
}

const DEFAULT_MAX_TOKENS = 8192;
const MAX_PROBLEMS_SHOWN = 20;

/** Why a planning call failed, in a few words for the result and the log. */
function reasonOf(error: unknown, options: AnthropicPlannerOptions): string {
  if (error instanceof Anthropic.APIConnectionTimeoutError) {
    return `no answer within ${options.timeoutMillis} ms`;
  }
  if (error instanceof Anthropic.AuthenticationError) {
    return 'authentication failed (401): check intent.planner.anthropic.apiKey';
  }
  if (error instanceof Anthropic.RateLimitError) {
    return `rate limited (429) after ${options.maxRetries} retries`;
  }
  if (error instanceof Anthropic.APIConnectionError) {
    return `could not reach the API (${error.message})`;
  }
  if (error instanceof Anthropic.APIError) {
    return `HTTP ${error.status ?? 'error'}: ${error.message}`;
  }
  if (error instanceof AnthropicPlannerError) {
    return error.message;
  }
  return error instanceof Error ? error.message : String(error);
}

/**
 * Plans with Claude: forced tool use whose input schema is the plan's JSON
 * schema, the current plan and a summary of the guardrails in the prompt.
 * The answer is validated with the plan schema; an invalid one gets one
 * repair round with the problems, then fails (never a partial plan). The
 * SDK retries timeouts, 429 and 5xx with backoff; when it still fails, the
 * backend's configured fallback planner takes over. It never decides what
 * is allowed.
 *
 * @public
 */
export class AnthropicPlanner implements IntentPlanner {
  readonly id = 'anthropic';
  private readonly client: Anthropic;

  constructor(private readonly options: AnthropicPlannerOptions) {
    this.client = new Anthropic({
      apiKey: options.apiKey,
      baseURL: options.baseUrl,
      timeout: options.timeoutMillis,
      maxRetries: options.maxRetries,
    });
  }

  async plan(request: {
    intent: string;
    current?: Plan;
    context?: PlannerContext;
  }): Promise<PlannerResult> {
    const started = Date.now();
    try {
      const result = await this.planWithModel(request);
      this.options.logger.info(
        `Planned with ${this.options.model} in ${Date.now() - started} ms`,
      );
      return result;
    } catch (error) {
      const reason = reasonOf(error, this.options);
      this.options.logger.warn(`Anthropic planner failed: ${reason}`);
      throw error instanceof AnthropicPlannerError
        ? error
        : new AnthropicPlannerError(reason, [], error);
    }
  }

  private async planWithModel(request: {
    intent: string;
    current?: Plan;
    context?: PlannerContext;
  }): Promise<PlannerResult> {
    const policySummary = request.context?.guardrails ?? DEFAULT_POLICY_SUMMARY;
    const messages: Anthropic.MessageParam[] = [
      {
        role: 'user',
        content: userPrompt({
          ...request,
          now: request.context?.now ?? new Date(),
        }),
      },
    ];
    const planner = `anthropic (${this.options.model})`;
    let problems: string[] = [];
    for (let attempt = 1; attempt <= 2; attempt++) {
      const toolUse = await this.ask(systemPrompt(policySummary), messages);
      const answer = readAnswer(toolUse.input, planner);
      if (answer.ok) {
        return answer.result;
      }
      problems = answer.problems.slice(0, MAX_PROBLEMS_SHOWN);
      this.options.logger.warn(
        `${
          this.options.model
        } sent an invalid plan (attempt ${attempt}): ${problems.join('; ')}`,
      );
      messages.push(
        {
          role: 'assistant',
          content: [
            {
              type: 'tool_use',
              id: toolUse.id,
              name: toolUse.name,
              input: toolUse.input,
            },
          ],
        },
        {
          role: 'user',
          content: [
            {
              type: 'tool_result',
              tool_use_id: toolUse.id,
              is_error: true,
              content: `The plan is invalid:\n${problems
                .map(p => `- ${p}`)
                .join(
                  '\n',
                )}\nCall ${SUBMIT_PLAN_TOOL} again with the complete, corrected plan.`,
            },
          ],
        },
      );
    }
    throw new AnthropicPlannerError(
      `${this.options.model} sent an invalid plan twice`,
      problems,
    );
  }

  /** One forced call of the tool; the tool-use block it answered with. */
  private async ask(
    system: string,
    messages: Anthropic.MessageParam[],
  ): Promise<Anthropic.ToolUseBlock> {
    const response = await this.client.messages.create({
      model: this.options.model,
      max_tokens: this.options.maxTokens ?? DEFAULT_MAX_TOKENS,
      system,
      messages,
      tools: [submitPlanTool()],
      tool_choice: {
        type: 'tool',
        name: SUBMIT_PLAN_TOOL,
        disable_parallel_tool_use: true,
      },
    });
    if (response.stop_reason === 'refusal') {
      throw new AnthropicPlannerError(
        `${this.options.model} declined to plan this request`,
      );
    }
    if (response.stop_reason === 'max_tokens') {
      throw new AnthropicPlannerError(
        `${this.options.model} ran out of tokens before finishing the plan`,
      );
    }
    const toolUse = response.content.find(
      (block): block is Anthropic.ToolUseBlock =>
        block.type === 'tool_use' && block.name === SUBMIT_PLAN_TOOL,
    );
    if (!toolUse) {
      throw new AnthropicPlannerError(
        `${this.options.model} answered without calling ${SUBMIT_PLAN_TOOL}`,
      );
    }
    return toolUse;
  }
}
