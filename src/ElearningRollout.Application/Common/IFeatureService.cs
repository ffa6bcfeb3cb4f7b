namespace ElearningRollout.Application.Common;

/// <summary>
/// Marks a building block of a feature's use cases that no screen calls for a person (a notifier, a rule that needs
/// the database): registered by this marker (scoped), so a feature folder needs no registration elsewhere.
/// </summary>
public interface IFeatureService;
