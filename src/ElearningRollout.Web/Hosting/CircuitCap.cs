using System.Collections.Concurrent;
using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server.Circuits;

namespace ElearningRollout.Web.Hosting;

/// <summary>
/// How many interactive circuits (open tabs) one person may hold at once (<c>Security:MaxCircuitsPerUser</c>, default
/// <see cref="DefaultMaxPerUser"/>). Each circuit keeps server memory; a stolen cookie or a script opening tabs in a loop
/// must not exhaust it. Counts live in this singleton, keyed by user id.
/// </summary>
public sealed class CircuitCap(int maxPerUser)
{
    public const string Setting = "Security:MaxCircuitsPerUser";
    public const int DefaultMaxPerUser = 20;
    public const string RefusedMessage =
        "You have too many ElearningRollout tabs or windows open. Close some of them, then reload this page.";

    private readonly ConcurrentDictionary<string, int> _open = new(StringComparer.Ordinal);

    public int MaxPerUser => maxPerUser;

    public int OpenFor(string userId) => _open.TryGetValue(userId, out var count) ? count : 0;

    /// <summary>Every signed-in person's open circuits together (the capacity program's diagnostics read it).</summary>
    public int OpenInTotal => _open.Values.Sum();

    /// <summary>Counts a new circuit of the person, unless it would be over the cap.</summary>
    public bool TryOpen(string userId)
    {
        while (true)
        {
            var current = OpenFor(userId);
            if (current >= maxPerUser)
            {
                return false;
            }

            if (current == 0 ? _open.TryAdd(userId, 1) : _open.TryUpdate(userId, current + 1, current))
            {
                return true;
            }
        }
    }

    public void Close(string userId)
    {
        while (_open.TryGetValue(userId, out var current))
        {
            if (current <= 1 ? _open.TryRemove(new KeyValuePair<string, int>(userId, current)) : _open.TryUpdate(userId, current - 1, current))
            {
                return;
            }
        }
    }

    public static IServiceCollection AddCircuitCap(IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(new CircuitCap(Math.Max(1, configuration.GetValue(Setting, DefaultMaxPerUser))));
        services.AddScoped<CircuitAdmission>();
        return services.AddScoped<CircuitHandler, CircuitCapHandler>();
    }
}

/// <summary>Whether this circuit was refused for being over the cap: the page then shows <see cref="CircuitCap.RefusedMessage"/> only and acts for nobody.</summary>
public sealed class CircuitAdmission
{
    public bool Refused { get; internal set; }
}

/// <summary>Counts each circuit of a signed-in person as it opens and closes; the newest one over the cap is refused and signed out.</summary>
public sealed class CircuitCapHandler(CircuitCap cap, CircuitAdmission admission, AuthenticationStateProvider authentication, ILogger<CircuitCapHandler> logger) : CircuitHandler
{
    private string? _countedFor;

    public override async Task OnCircuitOpenedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        var user = (await authentication.GetAuthenticationStateAsync()).User;
        var userId = user.FindFirstValue(ClaimTypes.NameIdentifier);
        if (user.Identity?.IsAuthenticated != true || userId is null)
        {
            return;
        }

        if (cap.TryOpen(userId))
        {
            _countedFor = userId;
            return;
        }

        logger.LogWarning("Circuit refused: user {UserId} already has {Count} open circuits", userId, cap.OpenFor(userId));
        admission.Refused = true;
        if (authentication is IHostEnvironmentAuthenticationStateProvider circuitState)
        {
            circuitState.SetAuthenticationState(Task.FromResult(new AuthenticationState(new ClaimsPrincipal(new ClaimsIdentity()))));
        }
    }

    public override Task OnCircuitClosedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        if (Interlocked.Exchange(ref _countedFor, null) is { } userId)
        {
            cap.Close(userId);
        }

        return Task.CompletedTask;
    }
}
