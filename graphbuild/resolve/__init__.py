"""Resolution: the mentions of every document become one node per real-world thing
(:mod:`.entities`) and one node per real event (:mod:`.events`)."""
