namespace ElearningRollout.Domain.Rollouts;

/// <summary>The enterprise systems the platform connects to.</summary>
[Flags]
public enum Integrations
{
    None = 0,
    Sso = 1,
    HrisFeed = 2,
    Sap = 4,
    OtherErpCrm = 8,
    VideoPlatform = 16,
}
