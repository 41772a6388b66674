// The small rules behind meeting any Waldur (issue 20): across origins or not, which failures are
// lost answers, and a resource's organisation without `customer_uuid`.
import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { ApiError } from './api-error';
import { isCrossOrigin } from './cors-check';
import { descriptionMax, learnLimits, resetLimits } from './server-limits';
import { isLostAnswer } from './writes';
import { text, withCustomerUuid } from './zod';

const HEX = '0a1b2c3d4e5f40718293a4b5c6d7e8f9';

describe('isCrossOrigin', () => {
  const here = 'https://volumes.example.com';
  it('another scheme, host or port is another origin; a path is not', () => {
    expect(isCrossOrigin('https://volumes.example.com', here)).toBe(false);
    expect(isCrossOrigin('https://volumes.example.com/waldur', here)).toBe(false);
    expect(isCrossOrigin('https://waldur.example.com', here)).toBe(true);
    expect(isCrossOrigin('http://volumes.example.com', here)).toBe(true);
    expect(isCrossOrigin('https://volumes.example.com:8443', here)).toBe(true);
  });
  it('no API URL, or one that is not a URL, is not across origins', () => {
    expect(isCrossOrigin(null, here)).toBe(false);
    expect(isCrossOrigin('', here)).toBe(false);
    expect(isCrossOrigin('not a url', here)).toBe(false);
  });
});

describe('isLostAnswer', () => {
  const request = { method: 'POST', url: 'https://h/api/x/' };
  it('no answer, or a gateway’s 502/504 in Waldur’s place; never an answer Waldur gave', () => {
    expect(isLostAnswer(ApiError.network(request, new TypeError('Failed to fetch')))).toBe(true);
    for (const status of [502, 504])
      expect(isLostAnswer(new ApiError({ kind: 'http', status, request }))).toBe(true);
    for (const status of [400, 409, 500, 503])
      expect(isLostAnswer(new ApiError({ kind: 'http', status, request }))).toBe(false);
    expect(isLostAnswer(new Error('x'))).toBe(false);
  });
});

describe('withCustomerUuid', () => {
  const schema = withCustomerUuid(z.looseObject({ customer: text, customer_uuid: text }));
  it('takes the organisation’s UUID from `customer` when a 2024 server sends none', () => {
    expect(schema.parse({ customer: `https://h/api/customers/${HEX}/` }).customer_uuid).toBe(HEX);
  });
  it('keeps a customer_uuid the server sent, and invents nothing without either', () => {
    const other = 'f'.repeat(32);
    expect(
      schema.parse({ customer: `https://h/api/customers/${HEX}/`, customer_uuid: other })
        .customer_uuid,
    ).toBe(other);
    expect(schema.parse({}).customer_uuid).toBeUndefined();
    expect(schema.parse({ customer: 'not a link' }).customer_uuid).toBeUndefined();
  });
});

describe('learnLimits', () => {
  const refusal = (description: string[]) =>
    new ApiError({
      kind: 'http',
      status: 400,
      request: { method: 'PATCH', url: 'https://h/api/openstack-volumes/x/' },
      body: { description },
    });
  it('takes the limit DRF names, in whatever language it says it', () => {
    resetLimits();
    expect(descriptionMax()).toBe(4096);
    expect(learnLimits(refusal(['Ensure this field has no more than 2000 characters.']))).toBe(
      true,
    );
    expect(descriptionMax()).toBe(2000);
    resetLimits();
    expect(
      learnLimits(
        refusal(['Stellen Sie sicher, dass dieses Feld nicht mehr als 2000 Zeichen hat.']),
      ),
    ).toBe(true);
    expect(descriptionMax()).toBe(2000);
  });
  it('learns nothing from another refusal', () => {
    resetLimits();
    expect(learnLimits(refusal(['This field may not be blank.']))).toBe(false);
    expect(descriptionMax()).toBe(4096);
  });
});
