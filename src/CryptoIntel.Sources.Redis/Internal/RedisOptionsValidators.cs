using Microsoft.Extensions.Options;

namespace CryptoIntel.Sources.Redis.Internal;

/// <summary>Validates <see cref="RedisBudgetOptions"/> (DataAnnotations, source-generated).</summary>
[OptionsValidator]
internal sealed partial class RedisBudgetOptionsValidator : IValidateOptions<RedisBudgetOptions>;

/// <summary>Validates <see cref="RedisSourceCacheOptions"/> (DataAnnotations, source-generated).</summary>
[OptionsValidator]
internal sealed partial class RedisSourceCacheOptionsValidator : IValidateOptions<RedisSourceCacheOptions>;

/// <summary>Rules across fields: a Redis to talk to must be named.</summary>
internal sealed class RedisConnectionOptionsValidator : IValidateOptions<RedisBudgetOptions>, IValidateOptions<RedisSourceCacheOptions>
{
    private const string Missing = "needs Configuration (a StackExchange.Redis configuration string such as 'localhost:6379') or ConnectionMultiplexerFactory.";

    public ValidateOptionsResult Validate(string? name, RedisBudgetOptions options) =>
        string.IsNullOrWhiteSpace(options.Configuration) && options.ConnectionMultiplexerFactory is null
            ? ValidateOptionsResult.Fail("The Redis budget (UseRedisBudget) " + Missing)
            : ValidateOptionsResult.Success;

    public ValidateOptionsResult Validate(string? name, RedisSourceCacheOptions options) =>
        string.IsNullOrWhiteSpace(options.Configuration) && options.ConnectionMultiplexerFactory is null
            ? ValidateOptionsResult.Fail("The Redis cache (UseRedisCache) " + Missing)
            : ValidateOptionsResult.Success;
}
