using ElearningRollout.Domain.Common;

namespace ElearningRollout.Application.Calendar;

/// <summary>Who keeps the holiday calendar: administrators. Everyone's review deadlines follow it, so nobody else changes it.</summary>
public static class HolidayAccess
{
    public static bool CanMaintain(Actor actor) => actor.IsAdministrator;

    public static void EnsureCanMaintain(Actor actor)
    {
        if (!CanMaintain(actor))
        {
            throw new AccessRefusedException("Only administrators keep the holiday calendar.");
        }
    }
}
