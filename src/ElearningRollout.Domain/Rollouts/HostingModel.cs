namespace ElearningRollout.Domain.Rollouts;

/// <summary>Who runs the platform: our IT, the vendor, or both.</summary>
public enum HostingModel
{
    ItHostedOnPremises,
    VendorHostedSaas,
    Hybrid,
}
