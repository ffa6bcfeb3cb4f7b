using ElearningRollout.Application.Persistence;
using Microsoft.AspNetCore.DataProtection.KeyManagement;

namespace ElearningRollout.Web.Hosting;

/// <summary>
/// `revoke-keys [--reason "why"]`: after an exposure of the database, a backup or the key ring certificate, revokes every
/// Data Protection key. Everything they protected stops working: everyone is signed out, and stored authenticator keys
/// and recovery codes can no longer be read (people set up their authenticator again). See docs/operations.md.
/// </summary>
public static class RevokeKeysCommand
{
    public const string Name = "revoke-keys";

    public static async Task<int> RunAsync(WebApplication app, string[] args)
    {
        var index = Array.IndexOf(args, "--reason");
        var reason = index >= 0 && index + 1 < args.Length ? args[index + 1] : "Revoked by an operator (revoke-keys)";
        await app.Services.GetRequiredService<DatabaseInitializer>().InitializeAsync(
            migrate: DatabaseHosting.MigrateOnStartup(app.Configuration, app.Environment), seedDemoData: false);
        Revoke(app.Services, reason);
        Console.WriteLine("Every Data Protection key is revoked: everyone is signed out; a new key is made at the next start.");
        return 0;
    }

    public static void Revoke(IServiceProvider services, string reason)
        => services.GetRequiredService<IKeyManager>().RevokeAllKeys(DateTimeOffset.UtcNow, reason);
}
