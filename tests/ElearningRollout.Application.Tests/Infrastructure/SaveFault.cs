using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace ElearningRollout.Application.Tests.Infrastructure;

/// <summary>Makes a save fail on purpose (<see cref="When"/> says which), to prove a change is all or nothing.</summary>
public sealed class SaveFault : SaveChangesInterceptor
{
    /// <summary>Which save fails; none while null.</summary>
    public Func<DbContext, bool>? When { get; set; }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
        => eventData.Context is { } context && When?.Invoke(context) == true
            ? throw new DbUpdateException("A save failed on purpose (SaveFault).")
            : base.SavingChangesAsync(eventData, result, cancellationToken);
}
