namespace ElearningRollout.Tests.Shared;

/// <summary>The seeded demo accounts (README lists them) as the tests sign in with them.</summary>
public static class DemoLogins
{
    public const string Password = "Rollout-Demo-2026!";
    public const string Admin = "admin@elearning.test";
    public const string Training = "training@elearning.test";
    public const string Training2 = "training2@elearning.test";
    public const string ItLead = "itlead@elearning.test";
    public const string ItLead2 = "itlead2@elearning.test";
    public const string Executive = "exec@elearning.test";
}
