// The bank's teams with their agents, for the dashboard's pickers and the team list (Prisma).
import type { Db } from '../../config/database';

export async function listTeams(db: Db) {
  const teams = await db.team.findMany({
    orderBy: { id: 'asc' },
    include: { agents: { orderBy: { id: 'asc' }, select: { id: true, name: true, active: true } } },
  });
  return teams.map((t) => ({ id: t.id, name: t.name, tiers: t.tiers, drivers: t.drivers, agents: t.agents }));
}
