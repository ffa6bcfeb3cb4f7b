using ElearningRollout.Application.Common;
using ElearningRollout.Application.Identity.Provisioning;
using ElearningRollout.Application.Tests.Infrastructure;
using ElearningRollout.Domain.Common;
using Microsoft.EntityFrameworkCore;
using Accounts = ElearningRollout.Application.Tests.Infrastructure.SqliteTestDatabase.Accounts;

namespace ElearningRollout.Application.Tests.Identity.Provisioning;

/// <summary>SCIM tokens: shown once, stored as a hash, refused when revoked or expired, last use recorded at most once a minute.</summary>
public sealed class ScimTokenTests : DatabaseTest
{
    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await Database.PlayAsync(Accounts.Admin);
    }

    private ScimTokenCommands Tokens => Database.Get<ScimTokenCommands>();

    private ScimTokenAuthentication Authentication => Database.Get<ScimTokenAuthentication>();

    [Fact]
    public async Task A_new_token_is_shown_once_stored_only_as_its_hash_and_its_creation_audited()
    {
        var token = await Tokens.CreateAsync(new ScimTokenDraft { Name = "Entra production" });

        Assert.StartsWith(ScimToken.SecretPrefix, token.Secret, StringComparison.Ordinal);
        Assert.True(token.Secret.Length >= ScimToken.SecretPrefix.Length + 43, "256 random bits, base64url");
        await using var db = await Database.CreateDbContextAsync();
        var stored = await db.ScimTokens.SingleAsync(t => t.Id == token.Id);
        Assert.Equal(ScimToken.HashOf(token.Secret), stored.SecretHash);
        Assert.DoesNotContain(token.Secret, stored.SecretHash, StringComparison.Ordinal);
        var audit = await db.AuditEntries.SingleAsync(a => a.EntityId == token.Id.ToString() && a.Action == "ScimTokenCreated");
        Assert.Equal("Alex Admin", audit.UserName);
        Assert.DoesNotContain(token.Secret, audit.After!, StringComparison.Ordinal);
        Assert.DoesNotContain(stored.SecretHash, audit.After!, StringComparison.Ordinal);
        Assert.DoesNotContain(await Database.Get<ScimTokenQueries>().ListAsync(), r => r.ToString().Contains(token.Secret, StringComparison.Ordinal));

        var client = await Authentication.AuthenticateAsync(token.Secret, "203.0.113.7");
        Assert.Equal(token.Id, client!.TokenId);
        Assert.Equal("SCIM token Entra production", client.AuditName);
    }

    [Fact]
    public async Task Two_tokens_never_share_a_secret()
    {
        var first = await Tokens.CreateAsync(new ScimTokenDraft { Name = "First" });
        var second = await Tokens.CreateAsync(new ScimTokenDraft { Name = "Second" });

        Assert.NotEqual(first.Secret, second.Secret);
    }

    [Fact]
    public async Task A_revoked_token_is_refused_and_the_refusal_audited()
    {
        var token = await Tokens.CreateAsync(new ScimTokenDraft { Name = "Entra test" });

        await Tokens.RevokeAsync(token.Id);

        Assert.Null(await Authentication.AuthenticateAsync(token.Secret, "203.0.113.7"));
        Assert.Equal(ScimTokenState.Revoked, (await Database.Get<ScimTokenQueries>().ListAsync()).Single().State);
        await Assert.ThrowsAsync<DomainException>(() => Tokens.RevokeAsync(token.Id));
        await using var db = await Database.CreateDbContextAsync();
        Assert.True(await db.AuditEntries.AnyAsync(a => a.EntityId == token.Id.ToString() && a.Action == "ScimTokenRevoked" && a.UserName == "Alex Admin"));
        var refusal = await db.AuditEntries.SingleAsync(a => a.EntityId == token.Id.ToString() && a.Action == ScimTokenAuthentication.RefusedAction);
        Assert.Contains("revoked", refusal.After!, StringComparison.Ordinal);
        Assert.Contains("203.0.113.7", refusal.After!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_token_is_refused_and_audited_without_what_was_presented()
    {
        Assert.Null(await Authentication.AuthenticateAsync("elr_scim_guessed", null));

        await using var db = await Database.CreateDbContextAsync();
        var refusal = await db.AuditEntries.SingleAsync(a => a.Action == ScimTokenAuthentication.RefusedAction);
        Assert.Equal("unknown", refusal.EntityId);
        Assert.DoesNotContain("guessed", refusal.After!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_token_is_accepted_through_its_last_day_and_refused_after()
    {
        var token = await Tokens.CreateAsync(new ScimTokenDraft { Name = "Until tomorrow", ExpiresOn = Database.Clock.GetUtcNow().AddDays(1).ToDateOnly() });

        Database.Clock.Advance(TimeSpan.FromDays(1));
        Assert.NotNull(await Authentication.AuthenticateAsync(token.Secret, null));
        Database.Clock.Advance(TimeSpan.FromDays(1));

        Assert.Null(await Authentication.AuthenticateAsync(token.Secret, null));
        Assert.Equal(ScimTokenState.Expired, (await Database.Get<ScimTokenQueries>().ListAsync()).Single().State);
    }

    [Fact]
    public async Task The_last_use_is_written_at_most_once_a_minute()
    {
        var token = await Tokens.CreateAsync(new ScimTokenDraft { Name = "Busy" });
        var first = Database.Clock.GetUtcNow();

        await Authentication.AuthenticateAsync(token.Secret, null);
        Database.Clock.Advance(TimeSpan.FromSeconds(30));
        await Authentication.AuthenticateAsync(token.Secret, null);
        Assert.Equal(first, await LastUsedAsync(token.Id));

        Database.Clock.Advance(TimeSpan.FromSeconds(31));
        await Authentication.AuthenticateAsync(token.Secret, null);
        Assert.Equal(Database.Clock.GetUtcNow(), await LastUsedAsync(token.Id));
    }

    [Fact]
    public async Task A_token_needs_a_name_not_in_use_and_an_expiry_after_today()
    {
        await Tokens.CreateAsync(new ScimTokenDraft { Name = "Entra" });

        var blank = await Assert.ThrowsAsync<ValidationFailedException>(() => Tokens.CreateAsync(new ScimTokenDraft { Name = " " }));
        var taken = await Assert.ThrowsAsync<ValidationFailedException>(() => Tokens.CreateAsync(new ScimTokenDraft { Name = "Entra" }));
        var today = await Assert.ThrowsAsync<ValidationFailedException>(() => Tokens.CreateAsync(
            new ScimTokenDraft { Name = "Today", ExpiresOn = Database.Clock.GetUtcNow().ToDateOnly() }));

        Assert.Contains(nameof(ScimTokenDraft.Name), blank.Errors.Keys);
        Assert.Equal(["A token in use already has this name."], taken.Errors[nameof(ScimTokenDraft.Name)]);
        Assert.Equal(["Choose a day after today, or no expiry."], today.Errors[nameof(ScimTokenDraft.ExpiresOn)]);
    }

    private async Task<DateTimeOffset?> LastUsedAsync(Guid id)
    {
        await using var db = await Database.CreateDbContextAsync();
        return (await db.ScimTokens.SingleAsync(t => t.Id == id)).LastUsedAt;
    }
}

internal static class DateOnlyOf
{
    public static DateOnly ToDateOnly(this DateTimeOffset moment) => DateOnly.FromDateTime(moment.UtcDateTime);
}
