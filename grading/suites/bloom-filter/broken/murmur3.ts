export * from '../../../../exercises/bloom-filter/murmur3';
