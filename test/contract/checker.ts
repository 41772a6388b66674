// Calls the demo backend as an API client would and checks each answer against the OpenAPI
// contract, remembering which documented operations answered with a success.
import { call } from '../demo-api';
import { contract } from '../setup';

export function contractChecker() {
  const exercised = new Set<string>();
  const problems: string[] = [];
  const check = async (method: string, path: string, options: Parameters<typeof call>[2] = {}) => {
    const response = await call(method, path, options);
    const url = new URL(`http://localhost${path}`);
    const template = contract.route(url.pathname);
    if (template && response.status < 400) exercised.add(`${method.toLowerCase()} ${template}`);
    const type = response.headers.get('content-type') ?? '';
    const body =
      type.includes('json') && response.text
        ? JSON.parse(response.text)
        : response.text || undefined;
    for (const v of contract.validateResponse(
      method,
      url,
      response.status,
      type,
      body,
      response.headers,
    )) {
      problems.push(`${v.where}: ${v.message}`);
    }
    return response;
  };
  return { check, exercised, problems };
}
