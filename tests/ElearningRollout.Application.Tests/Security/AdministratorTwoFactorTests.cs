using ElearningRollout.Application.Administration;
using ElearningRollout.Application.Audit;
using ElearningRollout.Application.Common;
using ElearningRollout.Application.Identity;
using ElearningRollout.Application.Tests.Infrastructure;
using Accounts = ElearningRollout.Application.Tests.Infrastructure.SqliteTestDatabase.Accounts;

namespace ElearningRollout.Application.Tests.Security;

/// <summary>Where two factors are required, an administrator session signed in with a password only is refused every administrator command.</summary>
public sealed class AdministratorTwoFactorTests : IAsyncLifetime
{
    private readonly SqliteTestDatabase _database = new();

    public Task InitializeAsync() => _database.InitializeAsync();

    public Task DisposeAsync() => _database.DisposeAsync();

    [Fact]
    public async Task A_password_only_administrator_session_is_refused_administration_and_the_refusal_is_audited()
    {
        var admin = await _database.PlayAsync(Accounts.Admin);
        _database.Actor.PlayAs(AdministratorTwoFactor.ForSession(admin, signedInWithTwoFactor: false, required: true));

        await Assert.ThrowsAsync<AccessRefusedException>(() => _database.Get<UserCommands>().CreateAsync(PermissionScenario.NewUser()));
        await Assert.ThrowsAsync<AccessRefusedException>(() => _database.Get<DepartmentCommands>().AddAsync("Finance"));
        await Assert.ThrowsAsync<AccessRefusedException>(() => _database.Get<AuditQueries>().SearchAsync(new AuditLogQuery(), new PageRequest()));

        _database.Actor.PlayAs(AdministratorTwoFactor.ForSession(admin, signedInWithTwoFactor: true, required: true));
        var refusals = await _database.Get<AuditQueries>().SearchAsync(new AuditLogQuery(EntityType: RefusalAudit.EntityType), new PageRequest());
        Assert.Equal(3, refusals.TotalCount);
        Assert.All(refusals.Items, r => Assert.Equal(admin.DisplayName, r.UserName));
    }

    [Theory]
    [InlineData(true, true)]
    [InlineData(false, false)]
    public async Task With_two_factor_or_where_it_is_not_required_administration_works(bool signedInWithTwoFactor, bool required)
    {
        var admin = await _database.PlayAsync(Accounts.Admin);
        _database.Actor.PlayAs(AdministratorTwoFactor.ForSession(admin, signedInWithTwoFactor, required));

        await _database.Get<DepartmentCommands>().AddAsync("Finance");

        Assert.Contains("Finance", await _database.Get<DepartmentQueries>().NamesAsync());
    }

    [Fact]
    public async Task Other_roles_of_a_password_only_administrator_still_work()
    {
        var itLead = await _database.PlayAsync(Accounts.ItLead);

        Assert.Same(itLead, AdministratorTwoFactor.ForSession(itLead, signedInWithTwoFactor: false, required: true));
    }
}
