// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import {
  createServer,
  IncomingMessage,
  Server,
  ServerResponse,
} from 'node:http';
import { AddressInfo } from 'node:net';
import { Ec2Error, esc, filtersOf } from './fakeAwsProtocol';
import { FakeAwsState } from './fakeAwsState';
import { groupOrKeyCall } from './fakeEc2GroupsAndKeys';
import { instanceCall } from './fakeEc2Instances';
import { s3Call, ssmCall } from './fakeS3AndSsm';

export type {
  FakeBucket,
  FakeGroup,
  FakeInstance,
  FakeKey,
  FakeRule,
} from './fakeAwsState';

/*
 * A small EC2- and S3-compatible server on 127.0.0.1 for the integration
 * test: the EC2 Query protocol (form-encoded POST, XML answers) for the
 * calls the provider makes, and S3 REST path-style. It keeps state, honours
 * client tokens and tag filters, and counts calls per action.
 */

/** Describes of types the fake never holds: always empty. */
const EMPTY_DESCRIBES = new Map([
  ['DescribeVolumes', '<volumeSet/>'],
  ['DescribeAddresses', '<addressesSet/>'],
  ['DescribeVpcs', '<vpcSet/>'],
  ['DescribeInternetGateways', '<internetGatewaySet/>'],
  ['DescribeRouteTables', '<routeTableSet/>'],
]);

export class FakeAws extends FakeAwsState {
  private server?: Server;

  async start(): Promise<string> {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', c => chunks.push(c));
      req.on('end', () =>
        this.handle(req, Buffer.concat(chunks).toString('utf8'), res),
      );
    });
    await new Promise<void>(resolve =>
      this.server!.listen(0, '127.0.0.1', resolve),
    );
    return `http://127.0.0.1:${(this.server!.address() as AddressInfo).port}`;
  }

  async stop() {
    await new Promise<void>(resolve => this.server?.close(() => resolve()));
  }

  private handle(req: IncomingMessage, body: string, res: ServerResponse) {
    const target = req.headers['x-amz-target'];
    try {
      if (typeof target === 'string' && target.startsWith('AmazonSSM.')) {
        return ssmCall(this, target.slice('AmazonSSM.'.length), body, res);
      }
      const type = req.headers['content-type'] ?? '';
      if (
        req.method === 'POST' &&
        req.url === '/' &&
        type.includes('x-www-form-urlencoded')
      ) {
        const params = new URLSearchParams(body);
        const action = params.get('Action')!;
        this.calls.push(action);
        const failure = this.failNext.get(action);
        if (failure) {
          this.failNext.delete(action);
          throw new Ec2Error(failure.code, failure.message, failure.status);
        }
        const xml = this.ec2(action, params);
        res.writeHead(200, { 'content-type': 'text/xml' });
        return res.end(
          `<?xml version="1.0" encoding="UTF-8"?><${action}Response xmlns="http://ec2.amazonaws.com/doc/2016-11-15/"><requestId>r-1</requestId>${xml}</${action}Response>`,
        );
      }
      return s3Call(this, req, body, res);
    } catch (error) {
      const e =
        error instanceof Ec2Error
          ? error
          : new Ec2Error('InternalError', String(error), 500);
      res.writeHead(e.status, { 'content-type': 'text/xml' });
      return res.end(
        `<?xml version="1.0" encoding="UTF-8"?><Response><Errors><Error><Code>${esc(
          e.code,
        )}</Code><Message>${esc(
          e.message,
        )}</Message></Error></Errors><RequestID>r-1</RequestID></Response>`,
      );
    }
  }

  private ec2(action: string, p: URLSearchParams): string {
    const filters = filtersOf(p);
    const xml =
      instanceCall(this, action, p, filters) ??
      groupOrKeyCall(this, action, p, filters) ??
      EMPTY_DESCRIBES.get(action);
    if (xml === undefined) {
      throw new Ec2Error('InvalidAction', `The fake does not know ${action}`);
    }
    return xml;
  }
}
