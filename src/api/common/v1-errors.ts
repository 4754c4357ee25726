// ShipStation V1 is ASP.NET Web API: {"Message": ..., "ModelState": {...}} bodies.
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { DomainError } from '../../domain/errors.ts';
import { publicMessage, STATUS_BY_KIND, validationIssues } from './v2-errors.ts';


/** V1 names ModelState keys after the bound parameter, `request.<field>`. */
function modelState(issues: { field: string; message: string }[]) {
  const state: Record<string, string[]> = {};
  for (const issue of issues) (state[`request.${issue.field}`] ??= []).push(issue.message);
  return state;
}

export function sendV1Message(reply: FastifyReply, status: number, message: string) {
  return reply.code(status).type('application/json').send({ Message: message });
}

export function v1ErrorHandler(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  if (error instanceof DomainError) {
    if (error.issues.length > 0) {
      return reply.code(400).send({ Message: 'The request is invalid.', ModelState: modelState(error.issues) });
    }
    return sendV1Message(reply, STATUS_BY_KIND[error.kind], error.message);
  }
  if (error.validation) {
    return reply.code(400).send({ Message: 'The request is invalid.', ModelState: modelState(validationIssues(error)) });
  }
  const status = error.statusCode ?? 500;
  if (status >= 400 && status < 500) return sendV1Message(reply, status, publicMessage(error));
  request.log.error({ err: error, requestId: request.id }, 'unexpected error');
  return reply.code(500).send({ Message: 'An error has occurred.', ExceptionMessage: `Request ${request.id} failed; see the server log.`, ExceptionType: 'System.Exception', StackTrace: null });
}
