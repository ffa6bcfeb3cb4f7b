using ElearningRollout.Application.Persistence;
using ElearningRollout.Domain.Rollouts;
using Microsoft.EntityFrameworkCore;

namespace ElearningRollout.Application.Rollouts;

/// <summary>
/// Reads rollouts whole. A rollout's phases and send-backs are two collections, read in one statement: there is one
/// phase per phase kind and a send-back only when a phase is sent back, so their product stays a few dozen rows
/// (unlike a gate's, GateStore). Every load of a rollout goes through here.
/// </summary>
internal static class RolloutStore
{
    public static IQueryable<Rollout> Whole(ElearningRolloutDbContext db) => db.Rollouts.AsSingleQuery();
}
