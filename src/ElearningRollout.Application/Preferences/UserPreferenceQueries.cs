using ElearningRollout.Application.Common;
using ElearningRollout.Application.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ElearningRollout.Application.Preferences;

/// <summary>Per-user settings that follow the person from browser to browser (light or dark theme), read.</summary>
public sealed class UserPreferenceQueries(IDbContextFactory<ElearningRolloutDbContext> dbFactory, ICurrentActor currentActor) : IUseCases
{
    public async Task<bool> GetDarkModeAsync(CancellationToken cancellationToken = default)
    {
        var actor = await currentActor.GetAsync(cancellationToken);
        if (actor is null)
        {
            return false;
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Users.AsNoTracking().Where(u => u.Id == actor.UserId)
            .Select(u => u.PrefersDarkMode).FirstOrDefaultAsync(cancellationToken);
    }
}
