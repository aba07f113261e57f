//! Facts about the conference that prose `{placeholders}` and every document share, computed
//! from the loaded (already typed) data: nothing here can fail on a date or a time.

use chrono::NaiveDate;

use super::Data;
use crate::model::HonoreeKind;
use crate::text::{self, ClockTime, Facts};

pub struct ConferenceFacts<'a> {
    pub data: &'a Data,
}

impl ConferenceFacts<'_> {
    pub fn date(&self) -> NaiveDate {
        self.data.plan.conference.date
    }

    pub fn start(&self) -> ClockTime {
        self.data.plan.conference.start
    }

    /// The (min, max) count of a composition group or honours quota by id.
    pub fn count(&self, id: &str) -> Option<(u32, u32)> {
        let plan = &self.data.plan;
        plan.composition
            .find(id)
            .and_then(|g| g.range())
            .or_else(|| {
                plan.honours
                    .iter()
                    .find(|q| q.id == id)
                    .and_then(|q| q.range())
            })
    }
}

impl ConferenceFacts<'_> {
    /// `s` with its placeholders filled. A placeholder that names nothing is left as typed: the
    /// rules pass has reported it already (and `build` refuses unless `--force`).
    pub fn fill(&self, s: &str) -> String {
        text::expand(s, self).unwrap_or_else(|_| s.to_string())
    }

    /// (collectives, individuals) of the honours list.
    fn honoree_counts(&self) -> (usize, usize) {
        let Some((file, _)) = &self.data.honorees else {
            return (0, 0);
        };
        let nc = file
            .honorees
            .iter()
            .filter(|h| h.kind == HonoreeKind::Collective)
            .count();
        (nc, file.honorees.len() - nc)
    }

    fn award(&self, key: &str) -> Option<u64> {
        let award = self.data.decision.as_ref()?.file.award.as_ref()?;
        let (nc, ni) = self.honoree_counts();
        match key {
            "collective" => award.collective,
            "individual" => award.individual,
            "total" => Some(
                award.collective.unwrap_or(0) * nc as u64
                    + award.individual.unwrap_or(0) * ni as u64,
            ),
            _ => None,
        }
    }
}

impl Facts for ConferenceFacts<'_> {
    fn fact(&self, key: &str) -> Option<String> {
        let c = &self.data.plan.conference;
        if let Some(id) = key.strip_prefix("count:") {
            return self.count(id).map(text::count_text);
        }
        if let Some(k) = key.strip_prefix("award.") {
            return self.award(k).map(text::money);
        }
        let (nc, ni) = self.honoree_counts();
        Some(match key {
            "conference.name" => c.name.clone(),
            "conference.short_name" => c.short_name.clone().unwrap_or_else(|| c.name.clone()),
            "conference.date" => text::date_short(self.date()),
            "conference.date_long" => text::date_long(self.date()),
            "conference.weekday" => text::weekday(self.date()).to_string(),
            "conference.start" => self.start().long(),
            "conference.session" => c.session.clone().unwrap_or_default(),
            "conference.duration" => c.duration.clone().unwrap_or_default(),
            "conference.venue" => c.venue.clone(),
            "conference.period" => c.period.clone().unwrap_or_default(),
            "conference.review_period" => c.review_period.clone().unwrap_or_default(),
            "authority.name" => self.data.plan.authority.name.clone(),
            "authority.place" => self.data.plan.authority.place.clone(),
            "honorees.collectives" => format!("{nc:02}"),
            "honorees.individuals" => format!("{ni:02}"),
            "honorees.total" => format!("{:02}", nc + ni),
            _ => return None,
        })
    }
}
