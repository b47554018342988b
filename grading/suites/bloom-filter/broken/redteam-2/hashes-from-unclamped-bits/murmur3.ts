export * from '../base/murmur3';
