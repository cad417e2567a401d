import HeadwaySynthetic

typealias SeededRandom = SplitMix64
