namespace ElearningRollout.Application.Seeding;

/// <summary>A feature's demo data for Development (after the demo accounts exist). Must be idempotent.</summary>
public interface IDemoDataSeeder
{
    Task SeedAsync(CancellationToken cancellationToken);
}
