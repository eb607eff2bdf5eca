// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import type { IncomingMessage, ServerResponse } from 'node:http';
import { esc } from './fakeAwsProtocol';
import type { FakeAwsState } from './fakeAwsState';

/* The fake's S3 (REST, path-style) and SSM (JSON) calls. */

/** Answers an SSM call (GetParameter) from `aws.ssm`. */
export function ssmCall(
  aws: FakeAwsState,
  action: string,
  body: string,
  res: ServerResponse,
) {
  aws.calls.push(`ssm:${action}`);
  const { Name } = JSON.parse(body);
  const value = aws.ssm.get(Name);
  if (!value) {
    res.writeHead(400, { 'content-type': 'application/x-amz-json-1.1' });
    return res.end(
      JSON.stringify({
        __type: 'ParameterNotFound',
        message: `${Name} not found`,
      }),
    );
  }
  res.writeHead(200, { 'content-type': 'application/x-amz-json-1.1' });
  return res.end(
    JSON.stringify({
      Parameter: { Name, Type: 'String', Value: value, Version: 1 },
    }),
  );
}

/** Answers an S3 call on a bucket (or ListBuckets on the service). */
export function s3Call(
  aws: FakeAwsState,
  req: IncomingMessage,
  body: string,
  res: ServerResponse,
) {
  const url = new URL(req.url!, 'http://x');
  const bucketName = decodeURIComponent(url.pathname.split('/')[1] ?? '');
  const SUBRESOURCES = [
    'publicAccessBlock',
    'tagging',
    'encryption',
    'versioning',
    'website',
    'policyStatus',
    'policy',
    'versions',
    'delete',
  ];
  const sub =
    [...url.searchParams.keys()].find(k => SUBRESOURCES.includes(k)) ?? '';
  const op = `s3:${req.method} ${sub || (bucketName ? 'bucket' : 'service')}`;
  aws.calls.push(op);
  const send = (status: number, xml = '') => {
    res.writeHead(status, { 'content-type': 'application/xml' });
    res.end(xml ? `<?xml version="1.0" encoding="UTF-8"?>${xml}` : '');
  };
  const error = (status: number, code: string) =>
    send(
      status,
      `<Error><Code>${code}</Code><Message>${code}</Message></Error>`,
    );
  const failure = aws.failNext.get(op);
  if (failure) {
    aws.failNext.delete(op);
    return error(failure.status ?? 400, failure.code);
  }
  if (!bucketName) {
    return send(
      200,
      `<ListAllMyBucketsResult><Buckets>${[...aws.buckets.values()]
        .map(
          b =>
            `<Bucket><Name>${b.name}</Name><CreationDate>2026-12-02T06:00:00.000Z</CreationDate><BucketRegion>${aws.region}</BucketRegion></Bucket>`,
        )
        .join('')}</Buckets><Owner><ID>o</ID></Owner></ListAllMyBucketsResult>`,
    );
  }
  const bucket = aws.buckets.get(bucketName);
  if (req.method === 'PUT' && !sub) {
    if (bucket) return error(409, 'BucketAlreadyOwnedByYou');
    aws.buckets.set(bucketName, {
      name: bucketName,
      tags: {},
      ownership: req.headers['x-amz-object-ownership'] as string,
    });
    return send(200);
  }
  if (!bucket) {
    return req.method === 'HEAD' ? send(404) : error(404, 'NoSuchBucket');
  }
  const tag = (name: string) =>
    new RegExp(`<${name}>([^<]*)</${name}>`).exec(body)?.[1];
  switch (`${req.method} ${sub}`) {
    case 'HEAD ':
      return send(200);
    case 'DELETE ':
      aws.buckets.delete(bucketName);
      return send(204);
    case 'PUT publicAccessBlock':
      bucket.publicAccessBlock = Object.fromEntries(
        [
          'BlockPublicAcls',
          'IgnorePublicAcls',
          'BlockPublicPolicy',
          'RestrictPublicBuckets',
        ].map(k => [k, tag(k) === 'true']),
      );
      return send(200);
    case 'GET publicAccessBlock':
      return bucket.publicAccessBlock
        ? send(
            200,
            `<PublicAccessBlockConfiguration>${Object.entries(
              bucket.publicAccessBlock,
            )
              .map(([k, v]) => `<${k}>${v}</${k}>`)
              .join('')}</PublicAccessBlockConfiguration>`,
          )
        : error(404, 'NoSuchPublicAccessBlockConfiguration');
    case 'PUT tagging':
      bucket.tags = Object.fromEntries(
        [
          ...body.matchAll(
            /<Tag><Key>([^<]*)<\/Key><Value>([^<]*)<\/Value><\/Tag>/g,
          ),
        ].map(m => [m[1], m[2]]),
      );
      return send(200);
    case 'GET tagging':
      return Object.keys(bucket.tags).length
        ? send(
            200,
            `<Tagging><TagSet>${Object.entries(bucket.tags)
              .map(
                ([k, v]) =>
                  `<Tag><Key>${esc(k)}</Key><Value>${esc(v)}</Value></Tag>`,
              )
              .join('')}</TagSet></Tagging>`,
          )
        : error(404, 'NoSuchTagSet');
    case 'PUT encryption':
      bucket.encryption = tag('SSEAlgorithm');
      return send(200);
    case 'GET encryption':
      return send(
        200,
        `<ServerSideEncryptionConfiguration><Rule><ApplyServerSideEncryptionByDefault><SSEAlgorithm>${
          bucket.encryption ?? 'AES256'
        }</SSEAlgorithm></ApplyServerSideEncryptionByDefault></Rule></ServerSideEncryptionConfiguration>`,
      );
    case 'PUT versioning':
      bucket.versioning = tag('Status');
      return send(200);
    case 'GET versioning':
      return send(
        200,
        `<VersioningConfiguration>${
          bucket.versioning ? `<Status>${bucket.versioning}</Status>` : ''
        }</VersioningConfiguration>`,
      );
    case 'GET website':
      return error(404, 'NoSuchWebsiteConfiguration');
    case 'GET policyStatus':
      return error(404, 'NoSuchBucketPolicy');
    case 'GET versions':
      return send(
        200,
        `<ListVersionsResult><Name>${bucketName}</Name><IsTruncated>false</IsTruncated></ListVersionsResult>`,
      );
    default:
      return error(400, 'NotImplemented');
  }
}
