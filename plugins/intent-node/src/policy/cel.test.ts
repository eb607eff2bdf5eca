// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import {
  celProblem,
  compileCelExpression,
  CompiledCelExpression,
  formatCelProblem,
} from './cel';

const session = { owner: 'user:default/ada', region: 'us-east-1', ttlHours: 4 };
const web = {
  type: 'aws_instance',
  name: 'web',
  address: 'aws_instance.web',
  instanceType: 'p5.48xlarge',
  rootVolume: { sizeGb: 200, volumeType: 'gp3', encrypted: true },
  tags: { team: 'ml' },
};

function compiled(expression: string) {
  const result = compileCelExpression(expression);
  if (!result.ok) {
    throw new Error(`did not compile: ${formatCelProblem(result.problem)}`);
  }
  return result;
}

function problemOf(result: CompiledCelExpression) {
  if (result.ok) {
    throw new Error('compiled, but should not have');
  }
  return result.problem;
}

describe('compileCelExpression', () => {
  it('compiles once and evaluates against resource and session', () => {
    const rule = compiled(
      'resource.type == "aws_instance" && resource.instanceType.startsWith("p")',
    );
    expect(rule.evaluate({ resource: web, session })).toBe(true);
    expect(
      rule.evaluate({
        resource: { ...web, instanceType: 't3.micro' },
        session,
      }),
    ).toBe(false);
  });

  it('compares plan numbers, which are doubles, with int and double literals', () => {
    expect(
      compiled('resource.rootVolume.sizeGb > 100').evaluate({
        resource: web,
        session,
      }),
    ).toBe(true);
    expect(
      compiled('session.ttlHours <= 8.0').evaluate({ resource: web, session }),
    ).toBe(true);
  });

  it('tests optional fields with has()', () => {
    const rule = compiled(
      'has(session.team) && session.team == "group:default/ml"',
    );
    expect(rule.evaluate({ resource: web, session })).toBe(false);
    expect(
      rule.evaluate({
        resource: web,
        session: { ...session, team: 'group:default/ml' },
      }),
    ).toBe(true);
  });

  it('reports a syntax error with line and column within the expression', () => {
    expect(
      problemOf(
        compileCelExpression(
          'resource.type == "aws_instance" &&\n  resource.x ==',
        ),
      ),
    ).toEqual({ message: 'Unexpected token: EOF', line: 2, column: 16 });
  });

  it('reports an unknown variable at its position', () => {
    expect(
      problemOf(
        compileCelExpression('resource.type == "a" && plan.region == "x"'),
      ),
    ).toEqual({ message: 'Unknown variable: plan', line: 1, column: 25 });
  });

  it('rejects an expression that cannot be true or false', () => {
    expect(problemOf(compileCelExpression('size(resource.tags) + 1'))).toEqual({
      message: 'The expression must be true or false, but it is of type int',
      line: 1,
      column: 1,
    });
  });

  it('keeps dynamic results, which are checked when evaluated', () => {
    expect(compileCelExpression('resource.publicRead').ok).toBe(true);
  });

  it('throws while evaluating a missing field, with its position', () => {
    const expression =
      'resource.type == "aws_instance" || resource.bucketName == "x"';
    const rule = compiled(expression);
    let thrown: unknown;
    try {
      rule.evaluate({ resource: { type: 'aws_s3_bucket' }, session });
    } catch (error) {
      thrown = error;
    }
    expect(celProblem(expression, thrown)).toEqual({
      message: 'No such key: bucketName',
      line: 1,
      column: 45,
    });
  });

  it('names the resource fields a rule reads, apart from type, name and address', () => {
    expect(
      compiled(
        'resource.type == "aws_instance" && resource.instanceType.startsWith("p") && has(resource.tags) && resource["rootVolume"].sizeGb > 1',
      ).fields,
    ).toEqual(['instanceType', 'tags', 'rootVolume']);
    expect(compiled('resource.type == "aws_eip"').fields).toEqual(['type']);
    expect(compiled('session.ttlHours > 8.0').fields).toEqual([]);
  });

  it('refuses expressions beyond the size limits', () => {
    const huge = Array.from(
      { length: 600 },
      (_, i) => `resource.n == ${i}`,
    ).join(' || ');
    expect(compileCelExpression(huge).ok).toBe(false);
  });
});

describe('formatCelProblem', () => {
  it('puts the position first when known', () => {
    expect(formatCelProblem({ message: 'boom', line: 2, column: 3 })).toBe(
      'line 2, column 3: boom',
    );
    expect(formatCelProblem({ message: 'boom' })).toBe('boom');
  });

  it('turns anything thrown into a problem', () => {
    expect(celProblem('x', new Error('plain'))).toEqual({ message: 'plain' });
    expect(celProblem('x', 'text')).toEqual({ message: 'text' });
  });
});
