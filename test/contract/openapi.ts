// Validates requests and responses against the matching part of Waldur's published OpenAPI schema,
// which already carries the contract's corrections (`x-contract-patch`: 202 action responses, 202
// snapshot delete, the order POST's real body, restore's 201, unpaginated restorations;
// `x-contract-added`: error bodies, `o`, `Link`). Two files, merged: the volume subset and the
// lifecycle subset (orders, offerings, marketplace resources, restore, events), copies of the team's
// `../shared/waldur-api/openapi-{subset,lifecycle}.yaml` kept in the repo so that the check runs on
// any clone; `WALDUR_OPENAPI_SUBSET` / `WALDUR_OPENAPI_LIFECYCLE` point it at other copies.
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fromSchema } from '@openapi-contrib/openapi-schema-to-json-schema';
import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { parse } from 'yaml';

export const SPEC_PATHS = [
  resolve(process.env.WALDUR_OPENAPI_SUBSET ?? resolve(import.meta.dirname, 'openapi-subset.yaml')),
  resolve(
    process.env.WALDUR_OPENAPI_LIFECYCLE ?? resolve(import.meta.dirname, 'openapi-lifecycle.yaml'),
  ),
];

/**
 * Differences between the published schema and what the backend really sends, each documented in
 * ../shared/waldur-api/contract.md. The schema is adjusted for these before validating.
 */
export const KNOWN_DEVIATIONS: {
  schema: string;
  property: string;
  why: string;
  /** The property as the backend really sends it. */
  actual: (declared: Json) => Json;
}[] = [
  {
    schema: 'OpenStackVolume',
    property: 'image_metadata',
    why: 'contract.md §1.3.5: typed string, but a JSONField that comes back as an object ({}).',
    actual: () => ({}),
  },
  {
    schema: 'OpenStackVolume',
    property: 'instance_marketplace_uuid',
    why: 'issue 11 §5: null (not omitted) when the attached instance has no marketplace resource.',
    actual: (declared) => ({ ...declared, nullable: true }),
  },
  {
    schema: 'OpenStackSnapshot',
    property: 'source_volume_marketplace_uuid',
    why: 'issue 11 §5: null (not omitted) when the source volume has no marketplace resource.',
    actual: (declared) => ({ ...declared, nullable: true }),
  },
  {
    schema: 'OrderCreateRequest',
    property: 'attributes',
    why: 'Validated as OpenStackVolumeCreateOrderAttributes: the console orders only volumes, and a oneOf with GenericOrderAttributes (any object) can never match exactly one.',
    actual: () => ({ $ref: '#/components/schemas/OpenStackVolumeCreateOrderAttributes' }),
  },
  {
    schema: 'BasePublicPlan',
    property: 'future_prices',
    why: 'pricing.md §2: `{item.component.type: item.future_price}`, and PlanComponent.future_price is null until a price change is scheduled.',
    actual: (declared) => ({
      ...declared,
      additionalProperties: { type: 'number', format: 'double', nullable: true },
    }),
  },
  {
    schema: 'BasePublicPlan',
    property: 'plan_type',
    why: 'pricing.md §2: `get_plan_type` returns None for a plan that prices nothing (a free plan: every price 0).',
    actual: (declared) => ({ ...declared, nullable: true }),
  },
  {
    schema: 'Resource',
    property: 'scope',
    why: 'contract-lifecycle §2.8, §3.3: null until the volume exists, and again once it is deleted.',
    actual: (declared) => ({ ...declared, nullable: true }),
  },
];

/**
 * Responses whose body differs from the documented one as a whole, each documented in the
 * contract: `${method} ${template} ${status}` → what the backend really sends.
 */
export const RESPONSE_DEVIATIONS: Record<string, { why: string; body: 'empty' }> = {
  'post /api/marketplace-orders/{uuid}/approve_by_consumer/ 200': {
    why: 'contract-lifecycle §2.6: the 2024 and indexed code answer an empty 200, not OrderInfoResponse.',
    body: 'empty',
  },
};

/**
 * Operations the console uses that exist in Waldur's full schema but not in the subset file: checked
 * against the component schema the full schema gives them.
 */
export const OUTSIDE_SUBSET: {
  template: string;
  method: string;
  schema: string;
  why: string;
  /** For a schema the subsets do not carry: its JSON, from Waldur's full schema. */
  definition?: Json;
  list?: boolean;
}[] = [
  {
    template: '/api/customers/{uuid}/',
    method: 'get',
    schema: 'Customer',
    why: 'customers_retrieve: the customer list has no uuid filter, so one customer is read by UUID here',
  },
  {
    template: '/api/projects/{uuid}/',
    method: 'get',
    schema: 'Project',
    why: 'projects_retrieve: the project list has no uuid filter, so one project is read by UUID here',
  },
  {
    template: '/api/configuration/',
    method: 'get',
    schema: 'PublicConfiguration',
    why: 'core configuration_detail (AllowAny): the public settings, which the published schema does not describe; the console reads the enabled languages, the currency and the feature flags',
    definition: {
      type: 'object',
      properties: {
        LANGUAGES: { type: 'array', items: { type: 'array', items: { type: 'string' } } },
        LANGUAGE_CODE: { type: 'string' },
        FEATURES: { type: 'object', additionalProperties: { type: 'object' } },
        WALDUR_CORE: {
          type: 'object',
          properties: {
            CURRENCY_NAME: { type: 'string' },
            LANGUAGE_CHOICES: { type: 'string' },
          },
        },
        WALDUR_OPENSTACK: { type: 'object' },
      },
      required: ['WALDUR_CORE', 'FEATURES'],
    },
  },
  {
    template: '/api/openstack-images/',
    method: 'get',
    schema: 'OpenStackImage',
    list: true,
    why: 'openstack_images_list (?tenant_uuid=): the images a new volume can start from',
    definition: {
      type: 'object',
      properties: {
        url: { type: 'string', format: 'uri' },
        uuid: { type: 'string', format: 'uuid' },
        name: { type: 'string', maxLength: 150 },
        settings: { type: 'string', format: 'uri' },
        min_disk: { type: 'integer', description: 'Minimum disk size in MiB' },
        min_ram: { type: 'integer', description: 'Minimum memory size in MiB' },
      },
      required: ['url', 'uuid', 'name', 'settings', 'min_disk', 'min_ram'],
    },
  },
];

type Json = Record<string, unknown>;

interface Operation {
  requestBody?: { content?: Record<string, { schema?: Json }> };
  responses?: Record<
    string,
    { content?: Record<string, { schema?: Json }>; headers?: Record<string, unknown> }
  >;
}

interface Spec {
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, Json> };
}

const withoutDescriptions = (value: unknown): unknown =>
  JSON.parse(JSON.stringify(value), (key, item) => (key === 'description' ? undefined : item));

/**
 * The subsets side by side: paths are disjoint; a component both carry must be the same schema
 * (descriptions aside), or the merge fails rather than pick one.
 */
function mergeSpecs(specs: Spec[]): Spec {
  const merged: Spec = { paths: {}, components: { schemas: {} } };
  for (const spec of specs) {
    for (const [template, operations] of Object.entries(spec.paths)) {
      if (merged.paths[template]) throw new Error(`Two schemas document ${template}`);
      merged.paths[template] = operations;
    }
    for (const [name, schema] of Object.entries(spec.components.schemas)) {
      const existing = merged.components.schemas[name];
      if (
        existing &&
        JSON.stringify(withoutDescriptions(existing)) !==
          JSON.stringify(withoutDescriptions(schema))
      )
        throw new Error(`The schemas disagree on the component ${name}`);
      merged.components.schemas[name] ??= schema;
    }
  }
  return merged;
}

export interface Violation {
  where: string;
  message: string;
}

function stripRequired(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(stripRequired);
  if (!value || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value as Json)
      .filter(([key]) => key !== 'required')
      .map(([key, item]) => [key, stripRequired(item)]),
  );
}

function createAjv() {
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats(ajv);
  // Waldur writes UUIDs as 32 hex digits; the schema says `format: uuid`. Accept both spellings.
  ajv.addFormat(
    'uuid',
    /^(?:[0-9a-f]{32}|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i,
  );
  // DRF's DecimalField serialises as a string such as "12.50".
  ajv.addFormat('decimal', /^-?\d+(?:\.\d+)?$/);
  return ajv;
}

export class OpenApiContract {
  private readonly ajv: Ajv;
  /** For `?field=…` responses: Waldur leaves out whatever was not asked for, required or not. */
  private readonly sparseAjv: Ajv;
  private readonly spec: Spec;
  private readonly compiled = new Map<string, ValidateFunction>();
  private readonly routes: { template: string; pattern: RegExp }[];

  constructor(paths = SPEC_PATHS) {
    this.spec = mergeSpecs(paths.map((path) => parse(readFileSync(path, 'utf8'))));
    for (const deviation of KNOWN_DEVIATIONS) {
      const properties = this.spec.components.schemas[deviation.schema]?.properties as
        | Record<string, Json>
        | undefined;
      const declared = properties?.[deviation.property];
      if (properties && declared)
        properties[deviation.property] = {
          ...deviation.actual(declared),
          description: deviation.why,
        };
    }
    this.ajv = createAjv();
    this.sparseAjv = createAjv();
    for (const [name, schema] of Object.entries(this.spec.components.schemas)) {
      this.ajv.addSchema(this.toJsonSchema(schema), `#/components/schemas/${name}`);
      this.sparseAjv.addSchema(
        stripRequired(this.toJsonSchema(schema)) as Json,
        `#/components/schemas/${name}`,
      );
    }
    for (const extra of OUTSIDE_SUBSET) {
      if (extra.definition) {
        this.spec.components.schemas[extra.schema] = extra.definition;
        this.ajv.addSchema(
          this.toJsonSchema(extra.definition),
          `#/components/schemas/${extra.schema}`,
        );
        this.sparseAjv.addSchema(
          stripRequired(this.toJsonSchema(extra.definition)) as Json,
          `#/components/schemas/${extra.schema}`,
        );
      }
      const ref = { $ref: `#/components/schemas/${extra.schema}` };
      this.spec.paths[extra.template] ??= {};
      this.spec.paths[extra.template]![extra.method] = {
        responses: {
          '200': {
            content: {
              'application/json': { schema: extra.list ? { type: 'array', items: ref } : ref },
            },
            ...(extra.list ? { headers: { 'X-Result-Count': {} } } : {}),
          },
        },
      };
    }
    this.routes = Object.keys(this.spec.paths).map((template) => ({
      template,
      pattern: new RegExp(`^${template.replace(/\{[^}]+\}/g, '[^/]+')}$`),
    }));
  }

  static load(): OpenApiContract {
    for (const path of SPEC_PATHS)
      if (!existsSync(path)) throw new Error(`The OpenAPI schema is missing: ${path}`);
    return new OpenApiContract(SPEC_PATHS);
  }

  /** Every operation one schema file documents, as `method template`. */
  static operations(path: string): string[] {
    const spec = parse(readFileSync(path, 'utf8')) as Spec;
    return Object.entries(spec.paths).flatMap(([template, methods]) =>
      Object.keys(methods)
        .filter((m) => ['get', 'head', 'put', 'patch', 'post', 'delete'].includes(m))
        .map((m) => `${m} ${template}`),
    );
  }

  private toJsonSchema(schema: Json): Json {
    // OpenAPI 3.0 `nullable` etc. → JSON Schema; `$ref`s keep pointing at the registered components.
    const converted = fromSchema(schema as never, { cloneSchema: true }) as Json;
    delete converted.$schema; // the converter tags draft-04; Ajv 8 validates it as draft-07, which fits
    return converted;
  }

  private validator(key: string, schema: Json, sparse = false): ValidateFunction {
    const cacheKey = `${sparse ? 'sparse ' : ''}${key}`;
    let validate = this.compiled.get(cacheKey);
    if (!validate) {
      validate = sparse
        ? this.sparseAjv.compile(stripRequired(this.toJsonSchema(schema)) as Json)
        : this.ajv.compile(this.toJsonSchema(schema));
      this.compiled.set(cacheKey, validate);
    }
    return validate;
  }

  /** The documented path template for a concrete path, e.g. `/api/openstack-volumes/{uuid}/attach/`. */
  route(path: string): string | null {
    return this.routes.find((route) => route.pattern.test(path))?.template ?? null;
  }

  operation(path: string, method: string): Operation | null {
    const template = this.route(path);
    return template ? (this.spec.paths[template]?.[method.toLowerCase()] ?? null) : null;
  }

  private errors(validate: ValidateFunction) {
    return (validate.errors ?? [])
      .map((e) => `${e.instancePath || '(body)'} ${e.message}`)
      .join('; ');
  }

  validateRequest(method: string, path: string, body: unknown): Violation[] {
    const where = `${method} ${path} request`;
    const operation = this.operation(path, method);
    if (!operation) return [{ where, message: 'not a documented operation' }];
    const schema = operation.requestBody?.content?.['application/json']?.schema;
    if (!schema) {
      return body === undefined || body === null || body === ''
        ? []
        : [{ where, message: 'this operation takes no body' }];
    }
    const validate = this.validator(`${where}`, schema);
    return validate(body) ? [] : [{ where, message: this.errors(validate) }];
  }

  /**
   * A response: documented statuses are checked against their schema; undocumented errors against
   * the DRF error shapes (`ErrorDetail`, `ValidationErrorBody`); HTML error pages (Django's 404 for
   * unrouted paths, its 500 page) are accepted as the contract describes them.
   */
  validateResponse(
    method: string,
    url: URL,
    status: number,
    contentType: string,
    body: unknown,
    headers: Headers,
  ): Violation[] {
    const path = url.pathname;
    const sparse = url.searchParams.has('field');
    const where = `${method} ${path} → ${status}`;
    if (contentType.includes('text/html') && (status === 404 || status >= 500)) return [];
    if (status === 301) return [];
    const template = this.route(path);
    if (!template) return [{ where, message: 'response from an undocumented path' }];
    const operation =
      this.spec.paths[template]?.[method === 'HEAD' ? 'head' : method.toLowerCase()];
    const violations: Violation[] = [];
    if (status === 401 && headers.get('www-authenticate') !== 'Token') {
      violations.push({ where, message: '401 without WWW-Authenticate: Token' });
    }
    const documented = operation?.responses?.[String(status)];
    const deviation = RESPONSE_DEVIATIONS[`${method.toLowerCase()} ${template} ${status}`];
    if (deviation) {
      return body === undefined || body === ''
        ? violations
        : [...violations, { where, message: `expected no body (${deviation.why})` }];
    }
    // Paginated lists declare the count header; the unpaginated ones (restorations) do not.
    const paginated = Object.keys(documented?.headers ?? {}).some(
      (name) => name.toLowerCase() === 'x-result-count',
    );
    if (status === 200 && Array.isArray(body) && paginated) {
      const count = headers.get('x-result-count');
      if (count === null || !/^\d+$/.test(count))
        violations.push({ where, message: 'list without X-Result-Count' });
      if (!/^<[^>]+>; rel="first"/.test(headers.get('link') ?? ''))
        violations.push({ where, message: 'list without a Link header' });
    }
    if (!operation && status < 400) return [{ where, message: 'undocumented method' }];
    if (status === 200 && Array.isArray(body) && !paginated && headers.has('x-result-count'))
      violations.push({ where, message: 'an unpaginated list with pagination headers' });
    if (documented) {
      const schema = documented.content?.['application/json']?.schema;
      if (!schema) {
        if (method !== 'HEAD' && body !== undefined && body !== '' && status !== 200) {
          violations.push({ where, message: 'documented without a body, but has one' });
        }
        return violations;
      }
      const validate = this.validator(`${method} ${template} ${status}`, schema, sparse);
      if (!validate(body)) violations.push({ where, message: this.errors(validate) });
      return violations;
    }
    if (status >= 400) {
      const names = status === 400 ? ['ValidationErrorBody', 'ErrorDetail'] : ['ErrorDetail'];
      const ok = names.some((name) => this.ajv.getSchema(`#/components/schemas/${name}`)?.(body));
      if (!ok)
        violations.push({
          where,
          message: `not a DRF error body: ${JSON.stringify(body).slice(0, 200)}`,
        });
      return violations;
    }
    violations.push({ where, message: `status ${status} is not documented for this operation` });
    return violations;
  }
}
