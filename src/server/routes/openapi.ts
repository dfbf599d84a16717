import { Hono } from 'hono';
import { buildOpenApi } from '../../contract/openapi.js';
import { readResponse } from '../http/read-response.js';

/** getOpenApi: generated from the contract once, at start. */
export function openApiRoutes(): Hono {
  const document = JSON.stringify(buildOpenApi());
  const app = new Hono();
  app.get('/openapi.json', (c) => readResponse(c, document));
  return app;
}
