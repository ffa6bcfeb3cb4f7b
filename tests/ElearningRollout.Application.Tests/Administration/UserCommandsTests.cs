using ElearningRollout.Application.Administration;
using ElearningRollout.Application.Audit;
using ElearningRollout.Application.Common;
using ElearningRollout.Application.Identity;
using ElearningRollout.Application.Tests.Infrastructure;
using ElearningRollout.Domain.Common;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Accounts = ElearningRollout.Application.Tests.Infrastructure.SqliteTestDatabase.Accounts;

namespace ElearningRollout.Application.Tests.Administration;

public sealed class UserCommandsTests : IAsyncLifetime
{
    private readonly SqliteTestDatabase _database = new();

    public async Task InitializeAsync()
    {
        await _database.InitializeAsync();
        await _database.PlayAsync(Accounts.Admin);
    }

    public Task DisposeAsync() => _database.DisposeAsync();

    private UserCommands Admin => _database.Get<UserCommands>();

    private UserQueries Directory => _database.Get<UserQueries>();

    private async Task<int> AccountChangesAsync(string userId)
    {
        await using var db = await _database.CreateDbContextAsync();
        return await db.AuditEntries.CountAsync(a => a.EntityId == userId && a.Action == "AccountChanged");
    }

    /// <summary>Two reads of an account are the same when every shown value and the version are (the lists compared by content).</summary>
    private sealed class RowComparer : IEqualityComparer<UserListRow>
    {
        public static readonly RowComparer Instance = new();

        public bool Equals(UserListRow? x, UserListRow? y)
            => x is not null && y is not null && x with { Roles = [], ProviderLogins = [] } == y with { Roles = [], ProviderLogins = [] }
               && x.Roles.SequenceEqual(y.Roles) && x.ProviderLogins.SequenceEqual(y.ProviderLogins);

        public int GetHashCode(UserListRow obj) => obj.Id.GetHashCode(StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_new_IT_lead_can_sign_in_with_the_one_time_password_and_the_creation_is_audited()
    {
        var password = await Admin.CreateAsync(new NewUserDraft
        {
            DisplayName = "Nina Network", Email = "nina@elearning.test", Department = Departments.It, Roles = [Roles.ItLead],
        });

        await using var scope = _database.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var nina = (await users.FindByEmailAsync("nina@elearning.test"))!;
        Assert.True(await users.CheckPasswordAsync(nina, password));
        Assert.Equal([Roles.ItLead], await users.GetRolesAsync(nina));
        await using var db = await _database.CreateDbContextAsync();
        Assert.True(await db.AuditEntries.AnyAsync(a => a.EntityId == nina.Id && a.Action == "AccountCreated" && a.UserName == "Alex Admin"));
    }

    [Fact]
    public async Task Creating_with_a_taken_e_mail_or_no_role_is_refused_beside_the_fields()
    {
        var failure = await Assert.ThrowsAsync<ValidationFailedException>(() => Admin.CreateAsync(new NewUserDraft
        {
            DisplayName = "Copy", Email = Accounts.Training, Department = Departments.Training, Roles = [],
        }));

        Assert.Equal(["An account with this e-mail already exists."], failure.Errors[nameof(NewUserDraft.Email)]);
        Assert.Equal(["Choose at least one role."], failure.Errors[nameof(NewUserDraft.Roles)]);
    }

    [Fact]
    public async Task The_last_administrator_keeps_the_role_and_cannot_be_disabled()
    {
        var admin = (await _database.PlayAsync(Accounts.Admin)).UserId;

        var account = await _database.Get<UserQueries>().GetAsync(admin);
        var demotion = await Assert.ThrowsAsync<DomainException>(() => Admin.ChangeAccountAsync(admin, new AccountChangeDraft { Department = account.Department, Roles = [Roles.ItLead] }, account.ConcurrencyStamp));
        var selfDisable = await Assert.ThrowsAsync<DomainException>(() => Admin.SetDisabledAsync(admin, true));

        Assert.Equal("This is the last active administrator; make someone else an administrator first.", demotion.Message);
        Assert.Equal("You cannot disable your own account.", selfDisable.Message);
    }

    [Fact]
    public async Task Saving_an_account_another_administrator_changed_meanwhile_is_a_conflict_and_keeps_their_change()
    {
        var training = (await _database.PlayAsync(Accounts.Training)).UserId;
        await _database.PlayAsync(Accounts.Admin);
        var seenByA = await Directory.GetAsync(training);
        var seenByB = await Directory.GetAsync(training);
        await Admin.ChangeAccountAsync(training, new AccountChangeDraft { Department = seenByA.Department, Roles = [Roles.ItLead] }, seenByA.ConcurrencyStamp);

        var conflict = await Assert.ThrowsAsync<ConcurrencyConflictException>(() => Admin.ChangeAccountAsync(
            training, new AccountChangeDraft { Department = Departments.It, Roles = [Roles.Executive] }, seenByB.ConcurrencyStamp));

        Assert.StartsWith("Alex Admin changed this account at ", conflict.Message, StringComparison.Ordinal);
        var now = await Directory.GetAsync(training);
        Assert.Equal([Roles.ItLead], now.Roles);
        Assert.Equal(seenByA.Department, now.Department);
        Assert.Equal(1, await AccountChangesAsync(training));
    }

    [Fact]
    public async Task A_department_and_roles_change_refused_by_the_last_administrator_rule_changes_nothing()
    {
        var admin = (await _database.PlayAsync(Accounts.Admin)).UserId;
        var before = await Directory.GetAsync(admin);
        var otherDepartment = before.Department == Departments.It ? Departments.Training : Departments.It;

        var refusal = await Assert.ThrowsAsync<DomainException>(() => Admin.ChangeAccountAsync(
            admin, new AccountChangeDraft { Department = otherDepartment, Roles = [Roles.ItLead] }, before.ConcurrencyStamp));

        Assert.Equal(AccountRules.LastAdministrator, refusal.Message);
        Assert.Equal(before, await Directory.GetAsync(admin), RowComparer.Instance);
        Assert.Equal(0, await AccountChangesAsync(admin));
    }

    [Fact]
    public async Task A_change_and_its_one_audit_entry_are_saved_together_or_not_at_all()
    {
        var training = (await _database.PlayAsync(Accounts.Training)).UserId;
        await _database.PlayAsync(Accounts.Admin);
        var before = await Directory.GetAsync(training);
        var draft = new AccountChangeDraft { Department = Departments.It, Roles = [Roles.ItLead, Roles.TrainingManager] };
        _database.Faults.When = db => db.ChangeTracker.Entries<AuditEntry>().Any(e => e.State == EntityState.Added && e.Entity.Action == "AccountChanged");

        await Assert.ThrowsAsync<DbUpdateException>(() => Admin.ChangeAccountAsync(training, draft, before.ConcurrencyStamp));

        Assert.Equal(before, await Directory.GetAsync(training), RowComparer.Instance);
        Assert.Equal(0, await AccountChangesAsync(training));

        _database.Faults.When = null;
        await Admin.ChangeAccountAsync(training, draft, before.ConcurrencyStamp);

        var after = await Directory.GetAsync(training);
        Assert.Equal(Departments.It, after.Department);
        Assert.Equal([Roles.ItLead, Roles.TrainingManager], after.Roles.Order());
        Assert.NotEqual(before.ConcurrencyStamp, after.ConcurrencyStamp);
        await using var db = await _database.CreateDbContextAsync();
        var entry = await db.AuditEntries.AsNoTracking().SingleAsync(a => a.EntityId == training && a.EntityType == "Account");
        Assert.Equal("AccountChanged", entry.Action);
        Assert.Contains(Departments.It, entry.After, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_disabled_account_gets_a_new_security_stamp_so_open_sessions_end()
    {
        var training = (await _database.PlayAsync(Accounts.Training)).UserId;
        await _database.PlayAsync(Accounts.Admin);
        await using var scope = _database.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var stampBefore = await users.GetSecurityStampAsync((await users.FindByIdAsync(training))!);

        await Admin.SetDisabledAsync(training, true);

        var after = (await scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>().FindByIdAsync(training))!;
        await using var db = await _database.CreateDbContextAsync();
        var stored = await db.Users.AsNoTracking().SingleAsync(u => u.Id == training);
        Assert.True(stored.IsDisabled);
        Assert.NotEqual(stampBefore, stored.SecurityStamp);
        Assert.NotNull(after);
    }

    [Theory]
    [InlineData(Accounts.ItLead)]
    [InlineData(Accounts.Training)]
    public async Task Only_administrators_manage_accounts(string email)
    {
        await _database.PlayAsync(email);

        await Assert.ThrowsAsync<AccessRefusedException>(() => Admin.UnlockAsync("any"));
    }
}

public sealed class DepartmentDirectoryTests : IAsyncLifetime
{
    private readonly SqliteTestDatabase _database = new();

    public Task InitializeAsync() => _database.InitializeAsync();

    public Task DisposeAsync() => _database.DisposeAsync();

    [Fact]
    public async Task An_administrator_adds_a_department_once_and_others_cannot()
    {
        await _database.PlayAsync(Accounts.Admin);
        var departments = _database.Get<DepartmentCommands>();

        await departments.AddAsync(" Finance ");
        var duplicate = await Assert.ThrowsAsync<ValidationFailedException>(() => departments.AddAsync("finance"));
        await _database.PlayAsync(Accounts.Training);
        await Assert.ThrowsAsync<AccessRefusedException>(() => departments.AddAsync("Marketing"));

        Assert.Equal(["There is already a department called finance."], duplicate.Errors["Name"]);
        Assert.Equal(["Finance", "IT", "Leadership", "Training"], (await _database.Get<DepartmentQueries>().ListAsync()).Select(d => d.Name));
    }
}
