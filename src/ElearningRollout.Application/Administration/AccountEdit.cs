using System.Data;
using ElearningRollout.Application.Common;
using ElearningRollout.Application.Identity;
using ElearningRollout.Application.Persistence;
using ElearningRollout.Domain.Common;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ElearningRollout.Application.Administration;

/// <summary>
/// One administrator's change of an account, all or nothing. Identity's writes go through a <see cref="UserManager{TUser}"/>
/// over the operation's own context (the injected one shares the circuit's context, decision 0001), inside one
/// serializable transaction with the audit entry; a rule that must hold afterwards (another active administrator
/// remains) is checked inside it after the writes, so two administrators demoting each other at once cannot both pass:
/// SQLite takes the write lock when the transaction begins, and SQL Server's serializable range locks make one of the
/// two wait or give way. A refusal anywhere rolls back everything, so nothing is half applied and nothing unaudited.
/// </summary>
internal sealed class AccountEdit
{
    private AccountEdit(EditContext edit, UserManager<ApplicationUser> accounts, ApplicationUser account)
    {
        Edit = edit;
        Accounts = accounts;
        Account = account;
    }

    public EditContext Edit { get; }

    /// <summary>Identity's account operations, over the operation's context and transaction.</summary>
    public UserManager<ApplicationUser> Accounts { get; }

    /// <summary>The account being changed, as this transaction read it.</summary>
    public ApplicationUser Account { get; }

    /// <summary>
    /// Runs <paramref name="change"/> on the account <paramref name="userId"/> in one transaction. With
    /// <paramref name="expectedConcurrencyStamp"/> (Identity's own version of the account, as the administrator saw it),
    /// an account changed since is refused as a conflict naming who changed it last; Identity's UPDATE checks the stamp
    /// again, so a change between this read and the write is a conflict too.
    /// </summary>
    public static Task RunAsync(
        EditContext edit, IServiceProvider services, string userId, string? expectedConcurrencyStamp,
        Func<AccountEdit, CancellationToken, Task> change, CancellationToken cancellationToken)
        => InTransactionAsync(edit, services, async (accounts, ct) =>
        {
            var account = await accounts.FindByIdAsync(userId) ?? throw new NotFoundException("That account no longer exists.");
            var accountEdit = new AccountEdit(edit, accounts, account);
            if (expectedConcurrencyStamp is not null && account.ConcurrencyStamp != expectedConcurrencyStamp)
            {
                throw await accountEdit.ConflictAsync(ct);
            }

            await change(accountEdit, ct);
            return true;
        }, cancellationToken);

    /// <summary>The transaction of <see cref="RunAsync"/>, for a change that starts with no account (creating one).</summary>
    public static Task<TResult> InTransactionAsync<TResult>(
        EditContext edit, IServiceProvider services, Func<UserManager<ApplicationUser>, CancellationToken, Task<TResult>> change,
        CancellationToken cancellationToken)
    {
        var db = edit.Db;
        // SQL Server's retrying strategy replays the whole transaction; a replay starts from what the database holds.
        return db.Database.CreateExecutionStrategy().ExecuteAsync(async ct =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(IsolationLevel.Serializable, ct);
            using var accounts = Over(db, services);
            var result = await change(accounts, ct);
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            return result;
        }, cancellationToken);
    }

    /// <summary>Identity's refusal as the person's message; a stamp that moved under the write is a conflict.</summary>
    public async Task EnsureSucceededAsync(IdentityResult result, CancellationToken cancellationToken)
    {
        if (result.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.ConcurrencyFailure)))
        {
            throw await ConflictAsync(cancellationToken);
        }

        AccountRules.EnsureSucceeded(result);
    }

    /// <summary>The audit entry of this change, written in its transaction.</summary>
    public void Record(string action, object? before, object? after) => AccountRules.Record(Edit, Account.Id, action, before, after);

    /// <summary>
    /// After the writes, inside the transaction: refuses (and so rolls back) when no other active administrator
    /// remains. Checked after writing, not before, so a concurrent demotion committed first is seen.
    /// </summary>
    public async Task EnsureAnotherActiveAdministratorAsync(CancellationToken cancellationToken)
    {
        await Edit.Db.SaveChangesAsync(cancellationToken);
        await AccountRules.EnsureAnotherActiveAdministratorAsync(Accounts, Account, cancellationToken);
    }

    private Task<ConcurrencyConflictException> ConflictAsync(CancellationToken cancellationToken)
        => AccountRules.Guard(Account.Id).ConflictAsync(Edit.Db, cancellationToken);

    /// <summary>
    /// The host's own kind of UserManager (the web host's forgets an account's cached standing when it changes), made
    /// over <paramref name="db"/> instead of the scope's context.
    /// </summary>
    private static UserManager<ApplicationUser> Over(ElearningRolloutDbContext db, IServiceProvider services)
        => (UserManager<ApplicationUser>)ActivatorUtilities.CreateInstance(services,
            services.GetRequiredService<UserManager<ApplicationUser>>().GetType(),
            ActivatorUtilities.CreateInstance<ProtectedTokenUserStore>(services, db));
}
