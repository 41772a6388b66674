// The benchmark's floor: the console's libraries (react, react-dom, react-router, react-query,
// zod/mini), used the same way, rendering one page of the same volumes from the same backend, with
// a search box, and nothing else. The console's first-row and search times are reported against it.
import {
  keepPreviousData,
  QueryClient,
  QueryClientProvider,
  useQuery,
} from '@tanstack/react-query';
import { StrictMode, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter, Route, Routes, useSearchParams } from 'react-router';
import * as z from 'zod/mini';

const { apiUrl, token } = JSON.parse(sessionStorage.getItem('floor') ?? '{}') as {
  apiUrl: string;
  token: string;
};
const FIELDS = [
  'action',
  'created',
  'device',
  'instance',
  'instance_name',
  'name',
  'project_name',
  'project_uuid',
  'runtime_state',
  'size',
  'state',
  'type_name',
  'url',
  'uuid',
];
const text = z.catch(z.optional(z.nullable(z.string())), undefined);
const volume = z.looseObject({
  uuid: z.string(),
  name: text,
  state: text,
  runtime_state: text,
  size: z.catch(z.optional(z.nullable(z.number())), undefined),
  type_name: text,
  instance_name: text,
  project_name: text,
  created: text,
});
const volumes = z.array(volume);

async function fetchPage(search: string) {
  const url = new URL(`${apiUrl}/api/openstack-volumes/`);
  url.searchParams.set('page_size', '25');
  for (const field of FIELDS) url.searchParams.append('field', field);
  if (search) url.searchParams.set('name', search);
  const response = await fetch(url, {
    headers: { Authorization: `Token ${token}`, Accept: 'application/json' },
  });
  return {
    items: volumes.parse(await response.json()),
    total: Number(response.headers.get('x-result-count')),
  };
}

function List() {
  const [params, setParams] = useSearchParams();
  const search = params.get('q') ?? '';
  const [text, setText] = useState(search);
  const { data } = useQuery({
    queryKey: ['volumes', search],
    queryFn: () => fetchPage(search),
    placeholderData: keepPreviousData,
  });
  return (
    <main>
      <h1>Volumes</h1>
      <input
        aria-label="Search"
        value={text}
        onChange={(event) => setText(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === 'Enter') setParams(text ? { q: text } : {});
        }}
      />
      <table>
        <thead>
          <tr>
            <th>Name</th>
            <th>State</th>
            <th>Runtime</th>
            <th>Size</th>
            <th>Type</th>
            <th>Instance</th>
            <th>Project</th>
            <th>Created</th>
          </tr>
        </thead>
        <tbody>
          {data?.items.map((v) => (
            <tr key={v.uuid}>
              <th scope="row">{v.name}</th>
              <td>{v.state}</td>
              <td>{v.runtime_state}</td>
              <td>{v.size}</td>
              <td>{v.type_name}</td>
              <td>{v.instance_name}</td>
              <td>{v.project_name}</td>
              <td>{v.created}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p>{data ? `${data.total} volumes` : 'Loading'}</p>
    </main>
  );
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <QueryClientProvider client={new QueryClient()}>
      <BrowserRouter useTransitions={false}>
        <Routes>
          <Route path="*" element={<List />} />
        </Routes>
      </BrowserRouter>
    </QueryClientProvider>
  </StrictMode>,
);
