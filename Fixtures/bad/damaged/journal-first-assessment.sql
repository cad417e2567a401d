INSERT INTO changes (profile_id, kind, assessment_id, as_of) SELECT profile_id, 'reassessment', min(id), '2026-11-23' FROM assessments;
