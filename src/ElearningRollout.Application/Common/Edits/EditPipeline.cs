using ElearningRollout.Application.Audit;
using ElearningRollout.Application.Persistence;
using ElearningRollout.Domain.Common;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ElearningRollout.Application.Common.Edits;

/// <summary>
/// The one way a command changes the database. Every change of an aggregate goes through the same steps, in this order:
/// <list type="number">
/// <item>who is acting (nobody signed in is refused);</item>
/// <item>a fresh context for this operation only (a circuit-scoped one would live for the whole session), its audit actor set;</item>
/// <item>the aggregate, tracked, or a "not found" message;</item>
/// <item>the rollout it belongs to, if it belongs to one (<see cref="IBelongsToRollout"/>);</item>
/// <item>may this person do it (<see cref="EditAccess{TEdit}"/>): a refusal is written to the audit log;</item>
/// <item>a closed or cancelled rollout is a record: changes of what belongs to it are refused;</item>
/// <item>is the version the person saw still current (<see cref="ConcurrencyGuard"/>);</item>
/// <item>the change itself (domain methods; forms validated with <see cref="EditContext"/>'s validation, server rules included);</item>
/// <item>save: the UPDATE checks the version again, so a save between load and write is a conflict, never a lost update.</item>
/// </list>
/// Additions (a new rollout, a risk on a rollout) and changes kept by another store take the same steps without a version.
/// </summary>
public sealed class EditPipeline(
    IDbContextFactory<ElearningRolloutDbContext> dbFactory,
    ICurrentActor currentActor,
    TimeProvider clock,
    RefusalAudit refusals,
    IServiceProvider services)
{
    /// <summary>Changes one aggregate against the version the person saw; returns what <paramref name="change"/> returns.</summary>
    /// <param name="expectedVersion">The version the person saw; null for additions that never conflict (an evaluator's own scores, a comment).</param>
    internal async Task<TResult> ChangeAsync<T, TResult>(
        EditTarget<T> target,
        Guid? expectedVersion,
        EditAccess<Edit<T>> access,
        Func<Edit<T>, CancellationToken, Task<TResult>> change,
        CancellationToken cancellationToken)
        where T : class, IAggregateRoot
    {
        var actor = await currentActor.RequireAsync(cancellationToken);
        await using var db = await OpenAsync(actor, cancellationToken);
        var aggregate = await target.Load(db, cancellationToken);
        var rollout = aggregate is IBelongsToRollout part ? await RolloutFacts.FindAsync(db, part.RolloutId, cancellationToken) : null;
        var edit = new Edit<T>(db, actor, clock.GetUtcNow(), aggregate, rollout, this);
        await refusals.EnsureAsync(actor, () => access.Ensure(edit), cancellationToken);
        if (!access.AlsoOnClosedRollout)
        {
            rollout?.EnsureOpen(target.ClosedPhrase);
        }

        var guard = target.GuardFor(aggregate);
        if (expectedVersion is { } expected)
        {
            await guard.EnsureVersionAsync(db, aggregate, aggregate.Version, expected, cancellationToken);
        }

        var result = await change(edit, cancellationToken);
        await guard.SaveAsync(db, cancellationToken);
        return result;
    }

    internal Task ChangeAsync<T>(
        EditTarget<T> target, Guid? expectedVersion, EditAccess<Edit<T>> access, Func<Edit<T>, CancellationToken, Task> change, CancellationToken cancellationToken)
        where T : class, IAggregateRoot
        => ChangeAsync(target, expectedVersion, access, async (e, ct) =>
        {
            await change(e, ct);
            return true;
        }, cancellationToken);

    /// <summary>A change that is one domain call: the readable one-line use case.</summary>
    internal Task ChangeAsync<T>(
        EditTarget<T> target, Guid? expectedVersion, EditAccess<Edit<T>> access, Action<Edit<T>> change, CancellationToken cancellationToken)
        where T : class, IAggregateRoot
        => ChangeAsync(target, expectedVersion, access, (e, _) =>
        {
            change(e);
            return Task.FromResult(true);
        }, cancellationToken);

    /// <summary>
    /// An operation on no loaded aggregate: adding something that belongs to no rollout (a vendor, a glossary term, a
    /// rollout), or a change kept by another store (an account, through Identity). Returns what <paramref name="add"/> returns.
    /// </summary>
    internal async Task<TResult> ActAsync<TResult>(
        EditAccess<EditContext> access, Func<EditContext, CancellationToken, Task<TResult>> add, CancellationToken cancellationToken)
        => await ActAsAsync(await currentActor.RequireAsync(cancellationToken), access, add, cancellationToken);

    /// <summary>
    /// <see cref="ActAsync{TResult}"/> for an actor that is not a signed-in person: a SCIM token, whose request the
    /// application authenticated itself (<see cref="Identity.Provisioning.ScimTokenAuthentication"/>).
    /// </summary>
    internal async Task<TResult> ActAsAsync<TResult>(
        Actor actor, EditAccess<EditContext> access, Func<EditContext, CancellationToken, Task<TResult>> add, CancellationToken cancellationToken)
    {
        await using var db = await OpenAsync(actor, cancellationToken);
        var edit = new EditContext(db, actor, clock.GetUtcNow(), this);
        await refusals.EnsureAsync(actor, () => access.Ensure(edit), cancellationToken);
        var result = await add(edit, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return result;
    }

    /// <summary>
    /// Adds something to the rollout <paramref name="rolloutCode"/> (a risk, its agreement, a vendor engagement); refused
    /// on a closed or cancelled rollout, where <paramref name="whatOfIt"/> names what would have been added ("its risks").
    /// </summary>
    internal async Task<TResult> AddToRolloutAsync<TResult>(
        string rolloutCode,
        string whatOfIt,
        EditAccess<RolloutEdit> access,
        Func<RolloutEdit, CancellationToken, Task<TResult>> add,
        CancellationToken cancellationToken)
    {
        var actor = await currentActor.RequireAsync(cancellationToken);
        await using var db = await OpenAsync(actor, cancellationToken);
        var edit = new RolloutEdit(db, actor, clock.GetUtcNow(), await RolloutFacts.FindAsync(db, rolloutCode, cancellationToken), this);
        await EnsureMayAddAsync(edit, whatOfIt, access, cancellationToken);
        var result = await add(edit, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return result;
    }

    /// <summary>
    /// The access and closed-rollout steps of <see cref="AddToRolloutAsync{TResult}"/>, for an addition made inside
    /// another change (choosing a selection's winner proposes its engagement in the same save).
    /// </summary>
    internal async Task EnsureMayAddAsync(RolloutEdit edit, string whatOfIt, EditAccess<RolloutEdit> access, CancellationToken cancellationToken)
    {
        await refusals.EnsureAsync(edit.Actor, () => access.Ensure(edit), cancellationToken);
        if (!access.AlsoOnClosedRollout)
        {
            edit.Rollout.EnsureOpen(whatOfIt);
        }
    }

    /// <summary>
    /// Runs every validator of <typeparamref name="TDraft"/>: the form's own (the same one the form shows) and the
    /// server rules that need the database (<see cref="ServerRules{TDraft}"/>), which read the operation's context.
    /// Any failure becomes field messages and nothing is written.
    /// </summary>
    internal async Task EnsureValidAsync<TDraft>(TDraft draft, EditContext edit, CancellationToken cancellationToken)
    {
        var context = new ValidationContext<TDraft>(draft);
        context.RootContextData[ServerRules<TDraft>.EditKey] = edit;
        var failures = new List<FluentValidation.Results.ValidationFailure>();
        foreach (var validator in services.GetServices<IValidator<TDraft>>())
        {
            failures.AddRange((await validator.ValidateAsync(context, cancellationToken)).Errors);
        }

        if (failures.Count > 0)
        {
            throw new ValidationFailedException(failures
                .GroupBy(e => e.PropertyName)
                .ToDictionary(g => g.Key, g => g.Select(e => e.ErrorMessage).Distinct().ToArray()));
        }
    }

    /// <summary>The operation's own context, whose saves the audit trail puts in the acting person's name.</summary>
    private async Task<ElearningRolloutDbContext> OpenAsync(Actor actor, CancellationToken cancellationToken)
    {
        var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        db.AuditActor = AuditActor.Of(actor);
        return db;
    }
}
