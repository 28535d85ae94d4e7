// The playbook answers the playbooks page reads (GET /v1/playbooks/:id and its draft), shared by its components.
export interface Version {
  version: number;
  createdAt: string;
  definition: Record<string, unknown>;
}
export interface Playbook {
  id: string;
  name: string;
  versions: Version[];
}
export interface Draft {
  basedOnVersion: number | null;
  definition: Record<string, unknown>;
  updatedBy: string;
  updatedAt: string;
  valid: boolean;
  issues: { field: string; message: string }[];
}
