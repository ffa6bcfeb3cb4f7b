using System.Security.Cryptography;
using Microsoft.AspNetCore.Components.Server.ProtectedBrowserStorage;

namespace ElearningRollout.Web.Hosting.Cluster;

/// <summary>
/// Work in progress kept as it is typed (the new-rollout form), so that a person whose instance died mid-way finds
/// their values on the instance the load balancer sends them to. .NET's persistent component state survives a
/// reconnect only while the server lives, so the draft is kept in the person's browser tab instead (session storage,
/// gone when the tab closes), encrypted with Data Protection: the key ring is shared by every instance from the
/// database, so any instance reads it and nobody can read or forge it in the browser. It is bound to the person
/// (the purpose names the user): another account signing in on the same tab cannot read it. Only in an interactive
/// render (after the first render), since it needs the browser.
/// </summary>
public sealed class WorkInProgressDrafts(ProtectedSessionStorage storage, ILogger<WorkInProgressDrafts> logger)
{
    public async Task SaveAsync<T>(string userId, string draft, T value)
    {
        try
        {
            await storage.SetAsync(Purpose(userId), draft, value!);
        }
        catch (Exception failure) when (failure is not OperationCanceledException)
        {
            // The form goes on working; only its safety copy is missing (e.g. the connection is going away).
            logger.LogInformation(failure, "A draft of {Draft} could not be kept", draft);
        }
    }

    /// <summary>The person's draft in this tab, or default when there is none (or it can no longer be read).</summary>
    public async Task<T?> LoadAsync<T>(string userId, string draft)
    {
        try
        {
            var kept = await storage.GetAsync<T>(Purpose(userId), draft);
            return kept.Success ? kept.Value : default;
        }
        catch (CryptographicException)
        {
            return default; // another person's, or from a retired key: start empty
        }
        catch (Exception failure) when (failure is not OperationCanceledException)
        {
            logger.LogInformation(failure, "A draft of {Draft} could not be read; the form starts empty", draft);
            return default;
        }
    }

    public async Task RemoveAsync(string draft)
    {
        try
        {
            await storage.DeleteAsync(draft);
        }
        catch (Exception failure) when (failure is not OperationCanceledException)
        {
            logger.LogInformation(failure, "A draft of {Draft} could not be removed; it goes with the tab", draft);
        }
    }

    private static string Purpose(string userId) => $"ElearningRollout.WorkInProgressDrafts.v1:{userId}";
}
