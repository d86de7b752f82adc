import type { DirectoryWebApi } from "../../EmailProfileValidator/directory";

export interface IRecordedQuery {
  entity: string;
  options: string;
}

/** A response, a failure, "hang" for a call that never answers, or any odd payload. */
type Answer = unknown;

/** A Web API that records every query and answers each entity as the test says. */
export function recordingWebApi(answers: Partial<Record<"mailbox" | "systemuser", Answer>> = {}): DirectoryWebApi & { queries: IRecordedQuery[] } {
  const queries: IRecordedQuery[] = [];
  return {
    queries,
    retrieveMultipleRecords: (entity: string, options?: string) => {
      queries.push({ entity, options: options ?? "" });
      const answer = entity in answers ? answers[entity as "mailbox" | "systemuser"] : { entities: [], nextLink: "" };
      if (answer === "hang") return new Promise(() => undefined);
      if (answer instanceof Error) return Promise.reject(answer);
      return Promise.resolve(answer) as Promise<ComponentFramework.WebApi.RetrieveMultipleResponse>;
    },
  };
}

export function rows(...entities: Record<string, unknown>[]): ComponentFramework.WebApi.RetrieveMultipleResponse {
  return { entities, nextLink: "" };
}

/** The $filter of a recorded query, decoded as Dataverse will read it. */
export function filterOf(query: IRecordedQuery): string {
  const filter = /\$filter=([^&]*)/.exec(query.options)?.[1] ?? "";
  return decodeURIComponent(filter);
}
