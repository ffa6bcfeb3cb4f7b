using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server.ProtectedBrowserStorage;

namespace ElearningRollout.Web.Hosting.Cluster;

/// <summary>
/// Work in progress kept as it is typed (the new-rollout form), so that a person whose instance died mid-way finds
/// their values on the instance the load balancer sends them to. .NET's persistent component state survives a
/// reconnect only while the server lives, so the draft is kept in the person's browser tab instead (session storage,
/// gone when the tab closes), encrypted with Data Protection: the key ring is shared by every instance from the
/// database, so any instance reads it and nobody can read or forge it in the browser. It is bound to the person
/// (the purpose names the user): another account signing in on the same tab cannot read it. Only in an interactive
/// render (after the first render), since it needs the browser. Drafts so kept: the new-rollout form, a gate decision
/// being written, a cost line being edited and an evaluator's scorecard; each names itself with what it edits
/// (<see cref="DraftNames"/>), so two drafts of different gates never meet.
/// </summary>
public sealed class WorkInProgressDrafts(
    ProtectedSessionStorage storage, AuthenticationStateProvider authentication, ILogger<WorkInProgressDrafts> logger)
{
    public async Task SaveAsync<T>(string draft, T value)
    {
        try
        {
            if (await UserIdAsync() is not { } userId)
            {
                return;
            }

            await storage.SetAsync(Purpose(userId), draft, value!);
        }
        catch (Exception failure) when (failure is not OperationCanceledException)
        {
            // The form goes on working; only its safety copy is missing (e.g. the connection is going away).
            logger.LogInformation(failure, "A draft of {Draft} could not be kept", draft);
        }
    }

    /// <summary>The person's draft in this tab, or default when there is none (or it can no longer be read).</summary>
    public async Task<T?> LoadAsync<T>(string draft)
    {
        try
        {
            if (await UserIdAsync() is not { } userId)
            {
                return default;
            }

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

    private async Task<string?> UserIdAsync()
        => (await authentication.GetAuthenticationStateAsync()).User.FindFirstValue(ClaimTypes.NameIdentifier);

    private static string Purpose(string userId) => $"ElearningRollout.WorkInProgressDrafts.v1:{userId}";
}

/// <summary>The names under which drafts are kept in the tab: one per thing being edited.</summary>
public static class DraftNames
{
    public const string NewRollout = "new-rollout";

    public static string GateDecision(Guid gateId) => $"gate-decision:{gateId:N}";

    /// <summary>One cost line at a time per rollout: the dialog edits one line (or a new one) at a time.</summary>
    public static string CostLine(string rolloutCode) => $"cost-line:{rolloutCode}";

    public static string Scorecard(string rolloutCode) => $"scorecard:{rolloutCode}";
}
