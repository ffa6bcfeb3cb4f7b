using ElearningRollout.Application.Administration;
using ElearningRollout.Application.Common;
using ElearningRollout.Application.Tests.Infrastructure;
using ElearningRollout.Domain.Common;

namespace ElearningRollout.Application.Tests.Administration;

public sealed class UserQueriesTests : IClassFixture<SqliteTestDatabase>
{
    private readonly SqliteTestDatabase _database;

    public UserQueriesTests(SqliteTestDatabase database) => _database = database;

    [Theory]
    [InlineData(SqliteTestDatabase.Accounts.Training)]
    [InlineData(SqliteTestDatabase.Accounts.ItLead)]
    [InlineData(SqliteTestDatabase.Accounts.Executive)]
    public async Task Only_administrators_may_list_users(string email)
    {
        await _database.PlayAsync(email);

        var refusal = await Assert.ThrowsAsync<AccessRefusedException>(
            () => _database.Get<UserQueries>().ListAsync(new UserListQuery(), new PageRequest()));
        Assert.Equal("Only administrators can see the list of users.", refusal.Message);
    }

    [Fact]
    public async Task Nobody_signed_in_is_asked_to_sign_in()
    {
        _database.Actor.PlayAs(null);

        var refusal = await Assert.ThrowsAsync<AccessRefusedException>(
            () => _database.Get<UserQueries>().ListAsync(new UserListQuery(), new PageRequest()));
        Assert.Equal("You need to sign in to do this.", refusal.Message);
    }

    [Fact]
    public async Task An_administrator_sees_users_paged_with_their_roles_and_departments()
    {
        await _database.PlayAsync(SqliteTestDatabase.Accounts.Admin);
        var directory = _database.Get<UserQueries>();

        var first = await directory.ListAsync(new UserListQuery(), new PageRequest(0, 4));
        var second = await directory.ListAsync(new UserListQuery(), new PageRequest(1, 4));

        Assert.Equal(6, first.TotalCount);
        Assert.Equal(4, first.Items.Count);
        Assert.Equal(2, second.Items.Count);
        var itLead = first.Items.Concat(second.Items).Single(u => u.Email == SqliteTestDatabase.Accounts.ItLead);
        Assert.Equal([Roles.ItLead], itLead.Roles);
        Assert.Equal(Departments.It, itLead.Department);
    }

    [Fact]
    public async Task Search_and_role_filter_narrow_the_list()
    {
        await _database.PlayAsync(SqliteTestDatabase.Accounts.Admin);
        var directory = _database.Get<UserQueries>();

        var byName = await directory.ListAsync(new UserListQuery(Search: "erin"), new PageRequest());
        var byRole = await directory.ListAsync(new UserListQuery(Role: Roles.TrainingManager), new PageRequest());

        Assert.Equal([SqliteTestDatabase.Accounts.Executive], byName.Items.Select(u => u.Email));
        Assert.Equal(
            [SqliteTestDatabase.Accounts.Training, SqliteTestDatabase.Accounts.Training2],
            byRole.Items.Select(u => u.Email).Order());
    }
}
