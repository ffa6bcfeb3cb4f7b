namespace ElearningRollout.Domain.Rollouts;

/// <summary>How learners reach the platform; each channel is something IT has to open and secure.</summary>
[Flags]
public enum AccessChannels
{
    None = 0,
    OfficeNetwork = 1,
    RemoteVpn = 2,
    PublicInternet = 4,
    MobileByod = 8,
}
