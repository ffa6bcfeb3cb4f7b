using System.Security.Claims;
using Bunit;
using ElearningRollout.Web.Hosting.Cluster;
using Microsoft.AspNetCore.Components.Server.ProtectedBrowserStorage;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.JSInterop;

namespace ElearningRollout.Web.Tests.Components.Support;

/// <summary>
/// The browser tab's session storage for component tests: what <see cref="WorkInProgressDrafts"/> writes through
/// the real <see cref="ProtectedSessionStorage"/> (with real Data Protection) is kept here, so a second component,
/// rendered as the tab would after its instance died, reads it back. Only the three calls session storage answers.
/// </summary>
public sealed class BrowserTabStorage : IJSRuntime
{
    private readonly Dictionary<string, string> _items = [];

    public IReadOnlyCollection<string> Keys => _items.Keys;

    /// <summary>Registers drafts over this tab for <paramref name="userId"/>, signed in.</summary>
    public static BrowserTabStorage AddTo(BunitContext ctx, string userId = "reviewer-1")
    {
        var tab = new BrowserTabStorage();
        var protection = DataProtectionProvider.Create("ElearningRollout.Web.Tests");
        ctx.Services.AddSingleton(new ProtectedSessionStorage(tab, protection));
        var auth = ctx.AddAuthorization();
        auth.SetAuthorized("Reviewer");
        auth.SetClaims(new Claim(ClaimTypes.NameIdentifier, userId));
        ctx.Services.AddScoped<WorkInProgressDrafts>();
        return tab;
    }

    public ValueTask<TValue> InvokeAsync<TValue>(string identifier, object?[]? args)
        => InvokeAsync<TValue>(identifier, CancellationToken.None, args);

    public ValueTask<TValue> InvokeAsync<TValue>(string identifier, CancellationToken cancellationToken, object?[]? args)
    {
        var key = (string)args![0]!;
        object? result = identifier switch
        {
            "sessionStorage.getItem" => _items.GetValueOrDefault(key),
            "sessionStorage.setItem" => _items[key] = (string)args[1]!,
            "sessionStorage.removeItem" => _items.Remove(key),
            _ => throw new InvalidOperationException($"Session storage does not answer {identifier}."),
        };
        return ValueTask.FromResult(identifier == "sessionStorage.getItem" ? (TValue)result! : default!);
    }
}
